import CRCSystem

/// The process's locale, which libarchive converts entry names through. A Swift program
/// starts in the "C" locale whatever `LANG` says, and cron or systemd give it no `LANG` at
/// all: in "C" every non-ASCII zip, 7z, rar or lha name fails to convert and a pax name warns.
/// `C.UTF-8` always exists on Debian and reads every UTF-8 name.
public enum ProcessLocale {
    private static let utf8: Void = rc_set_utf8_locale()

    /// Switches the process to C.UTF-8, once; every driver calls it before it reads an archive.
    public static func useUTF8() { utf8 }
}
