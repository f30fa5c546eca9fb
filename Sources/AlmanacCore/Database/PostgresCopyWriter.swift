/// Rows for `COPY … FROM STDIN` in PostgreSQL's text format, sent in chunks of about 64 KB.
public final class PostgresCopyWriter {
    /// The connection refused a chunk; its own message says why.
    struct SendFailure: Error {}

    private var buffer: [UInt8] = []
    private let send: ([UInt8]) -> Bool
    private static let chunk = 1 << 16

    init(send: @escaping ([UInt8]) -> Bool) {
        self.send = send
        buffer.reserveCapacity(Self.chunk + 4096)
    }

    /// Adds one row, its values in the order of the COPY's column list.
    public func row(_ values: [SQLValue]) throws {
        for (index, value) in values.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: "\t")) }
            guard let text = PostgresSQL.text(of: value) else {
                buffer += [UInt8(ascii: "\\"), UInt8(ascii: "N")]
                continue
            }
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case UInt8(ascii: "\t"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case UInt8(ascii: "\n"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                default: buffer.append(byte)
                }
            }
        }
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.chunk { try flush() }
    }

    /// Sends what is buffered.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        guard send(buffer) else { throw SendFailure() }
        buffer.removeAll(keepingCapacity: true)
    }
}
