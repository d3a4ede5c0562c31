/// Decodes one line of PostgreSQL `COPY … FROM stdin` text data: tab-separated fields, `\N`
/// for NULL, backslash escapes (`\t`, `\n`, `\\`, octal, `\x` hex). Values are then typed by
/// their column: `bytea` (`\x…` hex after unescaping) becomes a BLOB with the exact bytes,
/// `boolean` `t`/`f` becomes 1/0, everything else is text exactly as PostgreSQL printed it
/// (so `text[]` reads `{a,"b c"}` and `character(20)` keeps its padding).
struct CopyRowDecoder {
    let columns: [SchemaCatalog.Column]

    enum DecodeError: Error {
        case fieldCount(found: Int, expected: Int)
        case badBytea(column: String)
        /// A backslash ending the line escapes nothing: PostgreSQL refuses the row.
        case trailingBackslash
        /// A value the column's type refuses, as PostgreSQL would.
        case refused(column: String, reason: String)
    }

    func decode(_ line: UnsafeBufferPointer<UInt8>, into values: inout [SQLValue]) throws {
        values.removeAll(keepingCapacity: true)
        var field: [UInt8] = []
        var index = 0
        var isNull = false
        let count = line.count
        func finish() throws {
            let position = values.count
            guard position < columns.count else {
                values.append(.null)
                return
            }
            if isNull { values.append(.null) } else { values.append(try typed(field, columns[position])) }
            field.removeAll(keepingCapacity: true)
            isNull = false
        }
        while index < count {
            let byte = line[index]
            if byte == 0x09 {
                try finish()
                index += 1
                continue
            }
            if byte == 0x5C, index + 1 == count { throw DecodeError.trailingBackslash }
            if byte == 0x5C, index + 1 < count {
                let next = line[index + 1]
                index += 2
                switch next {
                case 0x4E where field.isEmpty && (index == count || line[index] == 0x09): isNull = true
                case 0x62: field.append(0x08)
                case 0x66: field.append(0x0C)
                case 0x6E: field.append(0x0A)
                case 0x72: field.append(0x0D)
                case 0x74: field.append(0x09)
                case 0x76: field.append(0x0B)
                case 0x30...0x37:
                    var value = next - 0x30
                    var digits = 1
                    while digits < 3, index < count, line[index] >= 0x30 && line[index] <= 0x37 {
                        value = value &* 8 &+ (line[index] - 0x30)
                        index += 1
                        digits += 1
                    }
                    field.append(value)
                case 0x78:
                    var value: UInt8 = 0
                    var digits = 0
                    while digits < 2, index < count, let nibble = Hex.nibble(line[index]) {
                        value = value << 4 | nibble
                        index += 1
                        digits += 1
                    }
                    if digits == 0 { field.append(0x78) } else { field.append(value) }
                default: field.append(next)
                }
                continue
            }
            field.append(byte)
            index += 1
        }
        try finish()
        guard values.count == columns.count else {
            throw DecodeError.fieldCount(found: values.count, expected: columns.count)
        }
    }

    private func typed(_ field: [UInt8], _ column: SchemaCatalog.Column) throws -> SQLValue {
        if column.isBoolean, field.count == 1 {
            if field[0] == 0x74 { return .integer(1) }
            if field[0] == 0x66 { return .integer(0) }
        }
        if column.affinity == .blob {
            guard let bytes = ByteaInput.decode(field) else { throw DecodeError.badBytea(column: column.name) }
            return .blob(bytes)
        }
        return InsertParser.textOrBlob(field)
    }
}
