import Testing

@testable import RestoreCheck

/// Statement boundaries in every dialect's quoting: a `;` inside a string, a comment, a
/// dollar-quoted body or a trigger never ends a statement.
@Suite struct SQLStatementSplitterTests {
    private func split(_ text: String, _ dialect: DumpDialect) throws -> [String] {
        var splitter = SQLStatementSplitter(dialect: dialect)
        var out: [String] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let bytes = Array(line.utf8)
            _ = try bytes.withUnsafeBufferPointer { buffer in
                try splitter.feed(buffer, number: number + 1) { statement, _ in
                    out.append(
                        String(decoding: statement, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
                }
            }
        }
        return out
    }

    @Test func mysqlBackslashEscapesAndDelimiter() throws {
        let dump = """
            INSERT INTO `t` VALUES (1,'it\\'s; fine'),(2,'back\\\\');
            DELIMITER ;;
            CREATE TRIGGER x BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END ;;
            DELIMITER ;
            # a comment; not a statement
            SELECT 1;
            """
        let statements = try split(dump, .mysql)
        #expect(statements.count == 3)
        #expect(statements[0] == "INSERT INTO `t` VALUES (1,'it\\'s; fine'),(2,'back\\\\')")
        #expect(statements[1].hasSuffix("END"))
    }

    @Test func postgresDollarBodiesAndEscapeStrings() throws {
        let dump = """
            CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $_$
            BEGIN RETURN 1; END
            $_$;
            SELECT E'a\\'b; c', 'it''s; x';
            """
        let statements = try split(dump, .postgres)
        #expect(statements.count == 2)
        #expect(statements[0].hasSuffix("$_$"))
    }

    @Test func sqliteTriggersAndMultiLineStrings() throws {
        let dump = """
            CREATE TRIGGER tr AFTER INSERT ON t BEGIN
              UPDATE t SET a = 1; UPDATE t SET b = 2;
            END;
            INSERT INTO t VALUES('line one
            line two; still the same value');
            """
        let statements = try split(dump, .sqlite)
        #expect(statements.count == 2)
        #expect(statements[1].contains("line two; still"))
    }

    @Test func anUnfinishedStatementIsReported() throws {
        var splitter = SQLStatementSplitter(dialect: .mysql)
        let bytes = Array("INSERT INTO `t` VALUES (1,'cut".utf8)
        _ = try bytes.withUnsafeBufferPointer { try splitter.feed($0, number: 7) { _, _ in } }
        #expect(splitter.unfinished?.line == 7)
    }
}

/// Literal values as each dialect writes them, decoded to the exact bytes.
@Suite struct InsertParserTests {
    private func values(_ sql: String, _ dialect: DumpDialect) throws -> [[SQLValue]]? {
        let parser = InsertParser(dialect: dialect)
        let bytes = Array(sql.utf8)
        guard let header = parser.header(bytes) else { return nil }
        var rows: [[SQLValue]] = []
        let ok = try parser.rows(bytes, from: header.valuesStart) { rows.append($0) }
        return ok ? rows : nil
    }

    /// A statement longer than one batch is bound batch by batch (memory stays a few MiB);
    /// an expression past the first batch cannot be run as written without duplicating rows.
    @Test func aLongStatementIsBoundInBatches() throws {
        let tuples = (0..<150_000).map { "(\($0),'some text for row \($0)')" }
        let rows = try #require(try values("INSERT INTO t VALUES " + tuples.joined(separator: ","), .sqlite))
        #expect(rows.count == 150_000)
        #expect(rows.last?[0] == .integer(149_999))
        #expect(throws: InsertParser.MixedInsert.self) {
            try values("INSERT INTO t VALUES " + tuples.joined(separator: ",") + ",(1,char(65))", .sqlite)
        }
        #expect(try values("INSERT INTO t VALUES (1,'a'),(2,char(65))", .sqlite) == nil)
    }

    @Test func mysqlEscapesHexAndBinary() throws {
        let rows = try #require(
            try values("INSERT INTO `t` VALUES (1,'a\\'b\\\\c\\n\\0\\Z',0x00FF,_binary 'x',NULL,-2.5e3)", .mysql))
        #expect(rows.count == 1)
        #expect(rows[0][0] == .integer(1))
        #expect(rows[0][1] == .text([0x61, 0x27, 0x62, 0x5C, 0x63, 0x0A, 0x00, 0x1A]))
        #expect(rows[0][2] == .blob([0x00, 0xFF]))
        #expect(rows[0][3] == .blob([0x78]))
        #expect(rows[0][4] == .null)
        #expect(rows[0][5] == .real(-2500))
    }

    @Test func bytesThatAreNotUTF8BecomeABlob() throws {
        let sql: [UInt8] = Array("INSERT INTO `t` VALUES (1,'".utf8) + [0xFF, 0xFE, 0x80] + Array("')".utf8)
        let parser = InsertParser(dialect: .mysql)
        let header = try #require(parser.header(sql))
        var rows: [[SQLValue]] = []
        _ = try parser.rows(sql, from: header.valuesStart) { rows.append($0) }
        #expect(rows[0][1] == .blob([0xFF, 0xFE, 0x80]))
    }

    @Test func sqliteExpressionsFallBack() throws {
        #expect(try values("INSERT INTO t VALUES(1,replace('a\\nb','\\n',char(10)))", .sqlite) == nil)
        let rows = try #require(
            try values("INSERT INTO \"t\" VALUES(1,'it''s',X'0A0B',0.98999999999999999111)", .sqlite))
        #expect(rows[0][1] == .text(Array("it's".utf8)))
        #expect(rows[0][2] == .blob([0x0A, 0x0B]))
        #expect(rows[0][3] == .real(0.99))
    }

    @Test func extendedInsertGivesEveryRow() throws {
        let rows = try #require(try values("INSERT INTO `t` VALUES\n(1,'a'),\n(2,'b'),\n(3,'c')", .mysql))
        #expect(rows.map { $0[0] } == [.integer(1), .integer(2), .integer(3)])
    }
}

/// PostgreSQL COPY text rows, typed by their columns.
@Suite struct CopyRowDecoderTests {
    @Test func escapesNullsByteaAndBooleans() throws {
        let columns: [SchemaCatalog.Column] = [
            .init(name: "a", affinity: .text), .init(name: "b", affinity: .blob),
            .init(name: "c", affinity: .integer, isBoolean: true), .init(name: "d", affinity: .text),
        ]
        let decoder = CopyRowDecoder(columns: columns)
        var values: [SQLValue] = []
        let line = Array("tab\\there\\\\ \\.\t\\\\x00ff27\tt\t\\N".utf8)
        try line.withUnsafeBufferPointer { try decoder.decode($0, into: &values) }
        #expect(values[0] == .text(Array("tab\there\\ .".utf8)))
        #expect(values[1] == .blob([0x00, 0xFF, 0x27]))
        #expect(values[2] == .integer(1))
        #expect(values[3] == .null)
    }

    @Test func aShortRowIsAnError() {
        let decoder = CopyRowDecoder(columns: [.init(name: "a", affinity: .text), .init(name: "b", affinity: .text)])
        var values: [SQLValue] = []
        let line = Array("only one".utf8)
        #expect(throws: CopyRowDecoder.DecodeError.self) {
            try line.withUnsafeBufferPointer { try decoder.decode($0, into: &values) }
        }
    }
}
