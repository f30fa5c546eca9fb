import Foundation

/// The script `almanac serve` adds to every HTML page it serves, and how it is added. It is
/// never written into the site: only the preview server's responses carry it.
public enum LiveReload {
    /// Where the server answers with the script.
    public static let scriptPath = "/__almanac/live.js"
    /// The server-sent event stream the script listens to.
    public static let eventsPath = "/__almanac/events"

    /// The page with the script tag added before `</head>` (or at the start when there is no
    /// head). A same-origin external script, so the site's CSP (`script-src 'self'`) allows it.
    public static func inject(into html: String) -> String {
        let tag = "<script src=\"\(scriptPath)\" defer></script>\n"
        if let head = html.range(of: "</head>") {
            return html.replacingCharacters(in: head.lowerBound..<head.lowerBound, with: tag)
        }
        return tag + html
    }

    /// One server-sent event.
    public static func event(_ name: String, id: Int, data: String) -> String {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map {
            "data: \($0)"
        }
        return "event: \(name)\nid: \(id)\n" + lines.joined(separator: "\n") + "\n\n"
    }

    /// Listens for `reload` (reloads the page) and `failed` (shows the build error over the
    /// page, which stays as the last good build left it). A page opened while the build is
    /// broken gets the `failed` event on connecting.
    public static let script = #"""
        (function () {
          "use strict";
          var shown = null;
          var loadedBuild = null;
          function overlay(text) {
            if (!shown) {
              shown = document.createElement("div");
              shown.id = "almanac-error-overlay";
              shown.setAttribute("role", "alert");
              var s = shown.style;
              s.position = "fixed"; s.inset = "0"; s.zIndex = "2147483647"; s.overflow = "auto";
              s.background = "#16161a"; s.color = "#ffd7d7"; s.padding = "2rem";
              s.font = "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";
              var title = document.createElement("h2");
              title.textContent = "The build failed. Save a fix and this page reloads; until then the server keeps the last good site.";
              title.style.color = "#ff8a8a"; title.style.font = "bold 18px system-ui, sans-serif";
              var pre = document.createElement("pre");
              pre.style.whiteSpace = "pre-wrap"; pre.style.background = "#2b1d21";
              pre.style.color = "#ffd7d7"; pre.style.padding = "1rem"; pre.style.borderRadius = "6px";
              var hide = document.createElement("button");
              hide.type = "button";
              hide.textContent = "Show the last good page";
              hide.addEventListener("click", function () { shown.style.display = "none"; });
              shown.appendChild(title);
              shown.appendChild(hide);
              shown.appendChild(pre);
              document.body.appendChild(shown);
            }
            shown.style.display = "block";
            shown.lastChild.textContent = text;
          }
          var source = new EventSource("/__almanac/events");
          source.addEventListener("hello", function (event) {
            var build = JSON.parse(event.data).build;
            if (loadedBuild === null) { loadedBuild = build; } else if (build !== loadedBuild) { location.reload(); }
          });
          source.addEventListener("reload", function () { location.reload(); });
          source.addEventListener("failed", function (event) { overlay(JSON.parse(event.data).error); });
        })();
        """#
}
