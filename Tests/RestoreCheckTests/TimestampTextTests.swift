import Foundation
import Testing

@testable import RestoreCheck

/// A `fresh:` rule reads the newest timestamp a dump holds, in whatever shape its engine
/// printed it. Each shape must name the same moment, and text that is no moment must be no
/// moment (a freshness judged on a misread date would pass or fail for nothing).
@Suite struct TimestampTextTests {
    /// 2026-11-25 10:00:00 UTC.
    let moment = Date(timeIntervalSince1970: 1_795_600_800)

    @Test func readsEveryShapeTheEnginesPrint() {
        for text in [
            "2026-11-25 10:00:00", // MySQL DATETIME, SQLite's datetime()
            "2026-11-25T10:00:00",
            "2026-11-25T10:00:00Z",
            "2026-11-25 10:00:00.123456", // fractions are dropped
            "2026-11-25 10:00:00.5Z",
            "2026-11-25 11:00:00+01", // PostgreSQL timestamptz
            "2026-11-25 11:00:00+0100",
            "2026-11-25 11:00:00.25+01:00",
            "2026-11-25 04:30:00-05:30",
            "  2026-11-25 10:00:00 ",
        ] {
            #expect(TimestampText.parse(text) == moment, "\(text)")
        }
        #expect(TimestampText.parse("2026-11-25") == Date(timeIntervalSince1970: 1_795_564_800))
        #expect(TimestampText.parse("2024-02-29 00:00:00") == Date(timeIntervalSince1970: 1_709_164_800))
        #expect(TimestampText.parse("1970-01-01 00:00:00") == Date(timeIntervalSince1970: 0))
    }

    @Test func readsNumbersAsUnixSeconds() {
        #expect(TimestampText.parse(SQLValue.integer(1_795_600_800)) == moment)
        #expect(TimestampText.parse(SQLValue.real(1_795_600_800)) == moment)
        #expect(TimestampText.parse(SQLValue.text(Array("2026-11-25 10:00:00".utf8))) == moment)
        #expect(TimestampText.parse(SQLValue.null) == nil)
    }

    @Test func refusesWhatIsNoMoment() {
        for text in [
            "", "yesterday", "2026-02-31 10:00:00", "2025-02-29", "2026-13-01 00:00:00", "2026-11-25 24:00:00",
            "2026-11-25 10:60:00", "2026-11-25 10:00", "2026-11-25 10:00:00 UTC", "2026-11-25 10:00:00+1",
            "2026-11-25 10:00:00+01:0", "26-11-25 10:00:00", "2026/11/25 10:00:00", "2026-11-25x10:00:00",
            "2026-11-25 10:00:00.", "+2026-11-25 10:00:00",
        ] {
            #expect(TimestampText.parse(text) == nil, "\(text)")
        }
    }
}
