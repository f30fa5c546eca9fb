import Foundation
import Mustache

/// A template problem: which file, and what is wrong with it.
public struct TemplateError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String

    public var description: String { "\(file): \(message)" }
}

/// The templates and assets a site is rendered with: the built-in ones, with any file of a
/// `--templates` folder taking the place of the built-in file of the same name.
public struct TemplateSet: Sendable {
    /// Relative path (`page.mustache`, `partials/head.mustache`, `assets/style.css`) → text.
    public private(set) var files: [String: String]

    public static let builtIn = TemplateSet(files: BuiltinTemplates.files)

    public init(files: [String: String]) {
        self.files = files
    }

    /// Overlays the files of `folder` on these templates.
    /// - Throws: `TemplateError` when the folder is missing or a file cannot be read.
    public func overlaid(with folder: URL) throws -> TemplateSet {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder),
            isFolder.boolValue
        else {
            throw TemplateError(file: folder.path, message: "no such templates folder")
        }
        var merged = files
        let base = folder.standardizedFileURL.path
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard !url.hasDirectoryPath else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            guard relative.hasSuffix(".mustache") || relative.hasPrefix("assets/") else { continue }
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw TemplateError(file: url.path, message: "cannot read the file as UTF-8 text")
            }
            merged[relative] = text
        }
        return TemplateSet(files: merged)
    }

    /// The Mustache library: each template registered by its file name without folder or
    /// extension, so `partials/head.mustache` is the partial `{{> head}}`.
    /// - Throws: `TemplateError` naming the template that does not parse.
    func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (path, text) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".mustache") {
            let name = String(path.split(separator: "/").last!.dropLast(".mustache".count))
            do {
                try library.register(text, named: name)
            } catch {
                throw TemplateError(file: path, message: "Mustache syntax error: \(error)")
            }
        }
        return library
    }

    public func asset(_ name: String) -> String? {
        files["assets/" + name]
    }
}
