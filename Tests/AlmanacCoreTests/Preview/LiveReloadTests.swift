import Foundation
import Testing

@testable import AlmanacCore

/// The live-reload script is added to what the server sends, and the events say what happened.
@Suite struct LiveReloadTests {
    @Test("the script tag goes just before </head>, or first when a page has no head")
    func inject() {
        let page = "<html><head><title>t</title></head><body></body></html>"
        #expect(
            LiveReload.inject(into: page)
                == "<html><head><title>t</title><script src=\"/__almanac/live.js\" defer></script>\n</head><body></body></html>"
        )
        #expect(
            LiveReload.inject(into: "<p>x</p>")
                == "<script src=\"/__almanac/live.js\" defer></script>\n<p>x</p>")
    }

    @Test("an event of several lines sends each as its own data line")
    func event() {
        #expect(
            LiveReload.event("failed", id: 3, data: "a\nb")
                == "event: failed\nid: 3\ndata: a\ndata: b\n\n")
    }

    @Test("a page that connects sees the build number, and the error while the build is broken")
    func state() async {
        let events = LiveEvents()
        func first(_ stream: AsyncStream<[UInt8]>, _ count: Int) async -> String {
            var text = ""
            var iterator = stream.makeAsyncIterator()
            for _ in 0..<count {
                text += String(decoding: await iterator.next() ?? [], as: UTF8.self)
            }
            return text
        }
        #expect(
            await first(events.subscribe(), 1)
                == "retry: 500\nevent: hello\nid: 0\ndata: {\"build\":0}\n\n")
        await events.succeeded()
        let open = await events.subscribe()
        await events.failed("questions.yaml:3:1: invalid YAML")
        #expect(
            await first(open, 2) == "retry: 500\nevent: hello\nid: 1\ndata: {\"build\":1}\n\n"
                + "event: failed\nid: 1\ndata: {\"build\":1,\"error\":\"questions.yaml:3:1: invalid YAML\"}\n\n"
        )
        #expect(await first(events.subscribe(), 2).contains("event: failed"))
        await events.succeeded()
        #expect(await events.error == nil)
        let after = await first(events.subscribe(), 1)
        #expect(after == "retry: 500\nevent: hello\nid: 2\ndata: {\"build\":2}\n\n")
    }
}
