public enum RestoreCheckVersion { public static let string = "0.1.0" }
