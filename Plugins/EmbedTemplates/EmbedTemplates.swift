import Foundation
import PackagePlugin

/// Compiles the files of the top-level `templates/` folder, and `vendor/plotly/plotly.min.js`
/// when present, into the AlmanacCore module as string constants, so the default templates
/// and plotly.js travel inside the binary.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinTemplates.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        {
            for case let url as URL in walker where !url.hasDirectoryPath {
                inputs.append(url)
            }
        }
        // The pinned plotly.min.js, when `make setup` has fetched it; its own command, so that a
        // template change does not re-embed 3.6 MB.
        let plotly = context.package.directoryURL.appending(path: "vendor/plotly/plotly.min.js")
        let plotlyOutput = context.pluginWorkDirectoryURL.appending(path: "BuiltinPlotly.swift")
        let hasPlotly = FileManager.default.fileExists(atPath: plotly.path)
        return [
            .buildCommand(
                displayName: hasPlotly
                    ? "Embedding plotly.min.js"
                    : "No vendor/plotly/plotly.min.js: sites will use the CDN",
                executable: try context.tool(named: "TemplateEmbedder").url,
                arguments: ["--plotly", plotly.path, plotlyOutput.path],
                inputFiles: hasPlotly ? [plotly] : [],
                outputFiles: [plotlyOutput]),
            .buildCommand(
                displayName: "Embedding templates",
                executable: try context.tool(named: "TemplateEmbedder").url,
                arguments: [folder.path, output.path],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output]),
        ]
    }
}
