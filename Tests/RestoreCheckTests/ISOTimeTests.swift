import Foundation
import Testing

@testable import RestoreCheck

/// Moments are written and read without a date formatter on the fast path; what that path
/// does must be what `ISO8601DateFormatter` did: UTC to the second, and no 31 February.
@Suite struct ISOTimeTests {
    @Test func writesAndReadsUTCToTheSecond() throws {
        let formatter = ISO8601DateFormatter()
        for seconds in [0.0, 1_795_672_800, 1_795_672_800.9, 951_782_400, 4_102_444_799, -86_400] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(ISOTime.string(date) == formatter.string(from: date), "\(seconds)")
            #expect(ISOTime.parse(ISOTime.string(date)) == formatter.date(from: formatter.string(from: date)))
        }
    }

    @Test func refusesWhatIsNoMoment() {
        #expect(ISOTime.parseUTC("2026-02-31T06:00:00Z") == nil)
        #expect(ISOTime.parse("2026-02-31T06:00:00Z") == nil)
        #expect(ISOTime.parseUTC("2026-11-26T24:00:00Z") == nil)
        #expect(ISOTime.parseUTC("2026-11-26 06:00:00Z") == nil)
        #expect(ISOTime.parse("2026-11-26") == ISOTime.parse("2026-11-26T00:00:00Z"))
        #expect(ISOTime.parse("2026-11-26T07:00:00+01:00") == ISOTime.parse("2026-11-26T06:00:00Z"))
    }
}
