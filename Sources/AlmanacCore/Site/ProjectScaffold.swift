import Foundation

/// `almanac init`: a new report project with a commented questions file, a copy of the
/// templates, and the files that explain and run the weekly workflow.
public struct ProjectScaffold {
    /// Where the project is written.
    public var files: any FileSystem

    public init(files: any FileSystem) {
        self.files = files
    }

    /// Where the generated questions file looks for the database, relative to it: also where
    /// `almanac seed` and `almanac init --demo` write the demo data, so that the three agree.
    public static let databasePath = "data/demo.db"

    /// The folder of templates beside the questions file, which `build` and `serve` use
    /// without a flag.
    public static let templatesFolder = "templates"

    /// Writes the project's files and returns their paths, relative to `folder`.
    /// - Throws: `SiteError` listing every file that already exists; nothing is written then.
    public func create(
        in folder: URL, home: String? = ProcessInfo.processInfo.environment["HOME"]
    ) throws -> [String] {
        // A blind test's `almanac init /` wrote questions.yaml, a Makefile and templates/
        // into the root folder; `build` refuses `/` and the home folder as its output too.
        let resolved = self.files.resolvingLinks(folder).standardizedFileURL.path
        let homePath = home.map {
            self.files.resolvingLinks(URL(fileURLWithPath: $0)).standardizedFileURL.path
        }
        if resolved == "/" || resolved == homePath {
            throw SiteError(
                path: folder.path,
                message:
                    "is \(resolved == "/" ? "the root folder" : "the home folder"); name a folder of its own for the project, such as `almanac init learning-pulse`"
            )
        }
        var files: [String: String] = [
            "questions.yaml": Self.questions,
            ".gitignore": Self.gitignore,
            "Makefile": Self.makefile,
            "README.md": Self.readme,
        ]
        for (path, text) in TemplateSet.builtIn.files { files["templates/" + path] = text }
        if self.files.exists(folder) && !self.files.isDirectory(folder) {
            throw SiteError(
                path: folder.path, message: "is a file, not a folder; name a folder for the project"
            )
        }
        let existing = files.keys.sorted().filter {
            self.files.exists(folder.appending(path: $0))
        }
        guard existing.isEmpty else {
            throw SiteError(
                path: folder.path,
                message:
                    "these files already exist and would be overwritten: \(existing.joined(separator: ", ")); choose an empty folder"
            )
        }
        for path in files.keys.sorted() {
            let url = folder.appending(path: path)
            do {
                try self.files.createDirectory(at: url.deletingLastPathComponent())
                // Checked again just before the write: a file made meanwhile is not replaced.
                guard !self.files.exists(url) else {
                    throw FileSystemError(path: url.path, reason: "the file already exists")
                }
                try self.files.write(Data(files[path]!.utf8), to: url)
            } catch {
                throw SiteError(
                    path: url.path, message: "cannot write: \(error.localizedDescription)")
            }
        }
        return files.keys.sorted()
    }

    static let questions = """
        # The questions of your report. `almanac build` answers each one with numbers, charts and
        # a short explanation, and writes the site to site/.
        title: Learning Pulse

        # The database: a SQLite file relative to this file, or a postgres:// URL. `almanac seed`
        # (and `almanac init --demo`) write demo data here; point it at your own export when you
        # have one (`almanac schema` prints the tables it needs). `--db PATH` overrides it.
        database: \(databasePath)

        questions:
          # The wording picks the analysis: badge enrollments, organization trends, completion
          # metrics or learning paths. Badge and organization names become filters, and so do
          # time words such as "in 2024", "since 2024-03-01", "last 12 weeks" or "this year".
          - text: How many people are enrolled in each badge?
            section: Badges              # questions of a section are grouped on the index
          - text: What is the completion rate by organization?
            section: Completion
          - text: What are the most common learning paths?
            section: Paths
            id: paths                    # the page's file name; derived from the text if absent

          # `kind:` skips the matcher when the wording is ambiguous.
          - text: Which organizations grew this year?
            kind: organization_trends
            section: Organizations

          # Your own query: one read-only SELECT, and the charts to draw from its columns.
          # - text: Which categories attract the most learners?
          #   sql: |
          #     SELECT b.category, count(DISTINCT e.user_id) AS learners
          #     FROM enrollments e JOIN badges b ON b.id = e.badge_id GROUP BY 1 ORDER BY 2 DESC
          #   charts:
          #     - {type: bar, x: category, y: learners}

        # Optional: extra wording for the matcher.
        # patterns:
        #   learning_paths: {add: ["(?i)roadmap"]}

        # Optional: lines a key number should not cross, listed in site/digest.md each week;
        # `almanac build --fail-on-alert` exits with status 3 when one is crossed. A rate's
        # threshold is in percent (40, not 0.4). A change is against the previous window, so
        # it needs a question with a time window ("this year"), in percent (points for rates).
        # alerts:
        #   - {question: which-organizations-grew-this-year, measure: enrollments, change_below: -20}
        #   - {question: what-is-the-completion-rate-by-organization, measure: drop_rate, above: 40}

        """

    /// Build by-products; the names beside the site come from its layout.
    static let gitignore =
        (["# Build by-products; site/ itself is committed so each week's changes show in review."]
        + SiteLayout(site: URL(fileURLWithPath: "/project/site")).ignoredBeside
        + ["*.db-journal", "# The database is an export, not source.", "data/", ""]).joined(
            separator: "\n")

    static let makefile = """
        # The weekly report: `make` builds, `make commit` records the week, `make publish` ships.
        ALMANAC ?= almanac
        PUBLISH_TO ?= user@example.org:/var/www/report/

        .PHONY: report commit publish notify

        report:
        \t$(ALMANAC) build

        # A week in which nothing changed has nothing to commit, and says so.
        commit: report
        \tgit add site questions.yaml templates $$(test -d answers && echo answers)
        \tgit diff --cached --quiet && echo "Nothing changed since the last commit." || \\
        \t  git commit -m "Report as of $$(grep -m1 -oE '[0-9]{4}-[0-9]{2}-[0-9]{2}' site/index.md)"

        publish:
        \trsync -a --delete site/ $(PUBLISH_TO)

        # Posts site/digest.json to the webhook in ALMANAC_WEBHOOK_URL, as Slack's {"text": …}.
        notify:
        \t$(ALMANAC) notify --format slack

        """

    static let readme = """
        # Learning Pulse

        This report is built with Almanac: it turns the questions in `questions.yaml` into a
        static site in `site/`, with numbers, charts and a short explanation for each.

        ## The weekly workflow

        1. Put this week's database export where `database:` in `questions.yaml` points
           (`\(databasePath)`; `almanac seed` writes demo data there, and `almanac schema` prints
           the tables it needs).
        2. `make` (or `almanac build`) writes the site; open `site/index.html`. A rebuild with no
           change writes nothing, so git shows nothing.
        3. Review: `git diff site/*.md` shows what changed in words and numbers.
        4. `make commit` commits `site/` and `answers/` (the language model's cached answers, so the
           next build is reproducible and free).
        5. `make publish` copies `site/` to your static host (set `PUBLISH_TO`). The site is plain
           files with relative links: it works from any host, under any path, or from a folder.
        6. `make notify` posts the week's digest (alerts, insights, what changed) to the chat
           webhook in `ALMANAC_WEBHOOK_URL`. `site/feed.xml` is an Atom feed of the reports.

        Each page says what changed since the last report and, for questions with a time
        window, how the numbers compare with the previous window and a year earlier; the index
        lists the week's most unusual moves under "What changed".

        To change the look, edit the files in `templates/`: `almanac build` and `almanac serve`
        use them in place of the built-in ones of the same name whenever the folder exists beside
        `questions.yaml` (`--templates DIR` picks another folder; delete `templates/` to follow
        the built-in templates of newer Almanac versions).

        """
}
