#if canImport(Glibc)
    import Glibc
#endif

/// The single streaming pass over an archive (docs/ARCHITECTURE.md: the flow). Each entry is judged, then
/// written into the sandbox while its bytes feed the digests, and its metadata goes into the
/// index. Nothing is buffered beyond one libarchive block, and the archive is read once.
public final class Restorer {
    private let writer: SandboxWriter
    private let reader: SandboxReader
    private let mapper: LayoutMapper
    private let limits: RestoreLimits
    private let lookForManifests: Bool
    private var algorithms: Set<DigestAlgorithm>
    private var outcome: RestoreOutcome
    private var restoredBytes: UInt64 = 0
    /// Digests of the whole archive file to compute on the way (for sidecars).
    public var rawAlgorithms: Set<DigestAlgorithm> = []
    /// Called after each entry with (archive bytes read, entries): the progress display.
    public var progress: ((UInt64, Int) -> Void)?
    /// Told of every entry and every block, so a reader that stops progressing is stopped.
    var watchdog: Watchdog?
    /// Told of every entry as it is indexed, and again of a file whose bytes a later entry
    /// rewrote (cpio keeps a hardlinked file's data on its last link): dumps are imported
    /// while the restore goes on (`DumpPrefetch`), and must hear of any later change.
    var entryIndexed: ((IndexedEntry) -> Void)?
    /// The index being filled.
    var index: EntryIndex { outcome.index }

    static let manifestNames: Set<String> = [
        "SHA256SUMS", "SHA512SUMS", "SHA1SUMS", "MD5SUMS",
        "MANIFEST.sha256", "MANIFEST.sha512", "MANIFEST.sha1", "MANIFEST.md5",
    ]

    public init(
        sandbox: Sandbox, layout: Layout, limits: RestoreLimits, lookForManifests: Bool,
        algorithms: Set<DigestAlgorithm>
    ) throws {
        outcome = RestoreOutcome(index: try EntryIndex(file: sandbox.path + "/index.sqlite"))
        writer = SandboxWriter(rootFD: sandbox.rootFD)
        reader = SandboxReader(rootFD: sandbox.rootFD)
        mapper = LayoutMapper(layout)
        self.limits = limits
        self.lookForManifests = lookForManifests
        self.algorithms = algorithms.union([.sha256])
    }

    /// Restores the archive readable on `fd`. Damage is recorded in the outcome, not thrown;
    /// only an interrupt or a failing sandbox (disk full) throws.
    public func restore(fd: Int32, displayPath: String) throws -> RestoreOutcome {
        outcome.facts.path = displayPath
        let archive: ArchiveReader
        do {
            archive = try ArchiveReader(fd: fd, rawAlgorithms: rawAlgorithms)
            archive.heartbeat = watchdog.map { watchdog in { watchdog.beat() } }
        } catch {
            outcome.damage.append(Offender(displayPath, "not an archive libarchive can read: \(error.message)"))
            return outcome
        }
        var failedHeaders = 0
        var afterLastEntry: Int64 = 0
        while true {
            try Interruption.check()
            let next: ArchiveReader.NextHeader?
            do {
                next = try archive.nextHeader()
            } catch {
                let place = archive.currentEntry.map { "after entry \($0)" } ?? displayPath
                outcome.damage.append(Offender(place, error.message))
                failedHeaders += 1
                if error.isFatal || failedHeaders > 8 { break }
                continue
            }
            if let skipped = next?.skippedDamage {
                let place = archive.currentEntry.flatMap { $0.isEmpty ? nil : "after entry \($0)" } ?? displayPath
                outcome.damage.append(
                    Offender(place, "libarchive skipped damaged data to find the next entry: \(skipped.message)"))
            }
            guard let next, !next.atEnd else {
                // Every tar writer ends with zero blocks; a clean EOF right after an entry means the
                // archive was cut at an entry boundary, which libarchive does not report.
                if archive.isTar, outcome.facts.entries > 0, archive.formatPosition - afterLastEntry < 512 {
                    outcome.damage.append(
                        Offender(
                            archive.currentEntry.map { "after entry \($0)" } ?? displayPath,
                            "the tar archive ends without its end-of-archive blocks (truncated at an entry boundary)"))
                }
                outcome.complete = true
                break
            }
            outcome.facts.entries += 1
            if let name = next.header?.name { watchdog?.reading(name) }
            if let warning = next.warning {
                outcome.warnings.append(
                    Offender(next.header?.name ?? "entry \(outcome.facts.entries)", warning.message))
            }
            guard let header = next.header else {
                outcome.unsafe.append(
                    Offender("entry \(outcome.facts.entries)", "its name could not be read; not restored"))
                try? archive.skipData()
                continue
            }
            if outcome.facts.entries > limits.maxEntries {
                outcome.limitHit = Offender(header.name, "more than \(limits.maxEntries) entries (limits.max_entries)")
                break
            }
            do {
                try restoreEntry(header, from: archive)
            } catch let error as ArchiveError {
                outcome.damage.append(Offender(header.name, error.message))
                if error.isFatal { break }
            } catch let limit as LimitExceeded {
                outcome.limitHit = limit.offender
                break
            }
            afterLastEntry = archive.formatPosition
            progress?(archive.rawBytesRead, outcome.facts.entries)
        }
        writer.finish()
        outcome.rawDigests = archive.finishRawDigest()
        outcome.facts.sha256 = outcome.rawDigests[.sha256]?.description
        outcome.facts.sizeBytes = archive.rawBytesRead
        outcome.facts.format = archive.formatName
        outcome.facts.filters = archive.filterNames
        outcome.facts.recordsOwners = archive.recordsOwners
        outcome.facts.restoredBytes = restoredBytes
        if let gzip = archive.gzipDamage, outcome.limitHit == nil { outcome.damage.append(Offender(displayPath, gzip)) }
        if outcome.facts.sizeBytes == 0 {
            outcome.damage = [Offender(displayPath, "the archive is empty (0 bytes)")]
        } else if outcome.facts.entries == 0 && outcome.damage.isEmpty {
            outcome.damage.append(Offender(displayPath, "the archive holds no entries"))
        }
        rehashForLateManifests()
        if let failure = outcome.index.failure { throw RestoreCheckError(.io, failure, path: displayPath) }
        return outcome
    }

    private struct LimitExceeded: Error { let offender: Offender }

    private func restoreEntry(_ header: ArchiveEntryHeader, from archive: ArchiveReader) throws {
        let safe = EntryName.safeComponents(header.nameBytes)
        let production = safe.flatMap(mapper.productionComponents)
        let verdict = EntrySafety.judge(header, production: production)
        let refused: Bool = if case .refuse = verdict { true } else { false }
        if !refused, safe?.isEmpty ?? false {
            try archive.skipData() // `./` itself: the root already exists
            return
        }
        if !refused, production == nil {
            outcome.strippedAway += 1
            try archive.skipData()
            return
        }
        let key = (safe ?? []).map(EntryName.key).joined(separator: "/")
        var entry = IndexedEntry(
            key: key.isEmpty ? header.name : key, productionPath: production.map(LayoutMapper.path) ?? header.name,
            type: header.type, permissions: header.permissions, uid: header.uid, gid: header.gid,
            uname: header.uname, gname: header.gname, size: header.size, mtime: header.mtime,
            link: (header.symlinkTarget ?? header.hardlinkTarget).map(EntryName.key), restored: false)
        if header.size > 0, UInt64(header.size) > limits.maxEntryBytes {
            throw LimitExceeded(
                offender: Offender(
                    header.name,
                    "declares \(ByteSize.format(UInt64(header.size))), above limits.max_entry_bytes "
                        + "\(ByteSize.format(limits.maxEntryBytes))"
                ))
        }
        switch verdict {
        case .refuse(let reason):
            outcome.unsafe.append(Offender(header.name, reason))
            try indexed(entry)
            try archive.skipData()
            return
        case .restoreStripped(let reason):
            outcome.unsafe.append(Offender(header.name, reason))
        case .restore:
            break
        }
        guard let production else { return }
        do {
            try materialize(header, production, &entry, archive)
        } catch let refusal as MaterializeRefusal {
            outcome.unsafe.append(Offender(header.name, refusal.reason))
            try archive.skipData()
        } catch let damage as ArchiveError {
            try indexed(entry) // known to the checks, but not restored
            throw damage
        }
        let position = try indexed(entry)
        if lookForManifests, entry.restored, entry.type == .file, let safe,
            safe.count == mapper.layout.stripComponents + 1
        {
            loadEmbeddedManifest(
                outcome.index[position], baseKey: safe.dropLast().map(EntryName.key).joined(separator: "/"))
        }
    }

    @discardableResult
    private func indexed(_ entry: IndexedEntry) throws -> Int {
        let position = try outcome.index.add(entry)
        entryIndexed?(entry)
        return position
    }

    private func materialize(
        _ header: ArchiveEntryHeader, _ production: [[UInt8]], _ entry: inout IndexedEntry,
        _ archive: ArchiveReader
    ) throws {
        switch header.type {
        case .directory:
            try writer.createDirectory(production, mode: header.permissions)
            try archive.skipData()
        case .symlink:
            let target = EntrySafety.sandboxTarget(header.symlinkTarget ?? [], linkPath: production) ?? []
            try writer.createSymlink(production, target: target)
            try archive.skipData()
        case .hardlink:
            let targetSafe = EntryName.safeComponents(header.hardlinkTarget ?? []) ?? []
            guard let targetProduction = mapper.productionComponents(of: targetSafe) else {
                throw MaterializeRefusal.hardlinkTargetMissing
            }
            try writer.createHardlink(production, target: targetProduction)
            let targetKey = targetSafe.map(EntryName.key).joined(separator: "/")
            entry.link = targetKey
            if header.size > 0 {
                // cpio keeps a hardlinked file's data on its last link: write it through this link.
                let fd = try writer.reopenFile(production)
                defer { close(fd) }
                entry.digests = try writeData(fd, header, archive)
                if let position = outcome.index.position(ofKey: targetKey) {
                    outcome.index[position].digests = entry.digests
                    outcome.index[position].size = header.size
                    entryIndexed?(outcome.index[position])
                }
            } else {
                entry.digests = outcome.index.entry(key: targetKey)?.digests ?? [:]
                entry.size = outcome.index.entry(key: targetKey)?.size ?? 0
                try archive.skipData()
            }
        default:
            let fd = try writer.createFile(production)
            defer { close(fd) }
            entry.digests = try writeData(fd, header, archive)
            writer.finishFile(fd, mode: header.permissions)
        }
        entry.restored = true
    }

    /// Hashing a hole is progress too (and may be interrupted).
    private func zerosProgress() throws {
        watchdog?.beat()
        try Interruption.check()
    }

    /// Streams the entry's data into `fd` and the digests; holes of sparse files stay holes
    /// on disk and are fed to the digests as zeros.
    private func writeData(_ fd: Int32, _ header: ArchiveEntryHeader, _ archive: ArchiveReader) throws
        -> [DigestAlgorithm: Hex]
    {
        var digest = MultiDigest(algorithms)
        var end: Int64 = 0
        // A large file's blocks are written and hashed on a second thread (BlockPipeline).
        let pipeline =
            header.size >= BlockPipeline.threshold && !header.isSparse && !algorithms.isEmpty
            ? BlockPipeline(fd: fd, algorithms: algorithms) : nil
        do {
            try archive.readData { block, offset in
                try Interruption.check()
                if offset > end {
                    if let pipeline {
                        try Self.zeros(offset - end, from: end, into: pipeline, name: header.name)
                    } else {
                        try digest.updateZeros(offset - end, progress: zerosProgress)
                    }
                }
                let blockEnd = offset + Int64(block.count)
                if UInt64(blockEnd) > limits.maxEntryBytes {
                    throw LimitExceeded(
                        offender: Offender(
                            header.name, "grew past limits.max_entry_bytes \(ByteSize.format(limits.maxEntryBytes))"))
                }
                if restoredBytes + UInt64(block.count) > limits.maxBytes {
                    throw LimitExceeded(
                        offender: Offender(
                            header.name, "restore passed limits.max_bytes \(ByteSize.format(limits.maxBytes))"))
                }
                if let pipeline {
                    try pipeline.write(block, at: offset, name: header.name)
                } else {
                    try Self.write(block, at: offset, to: fd, name: header.name)
                    digest.update(block)
                }
                restoredBytes += UInt64(block.count)
                end = max(end, blockEnd)
                if restoredBytes > 64 << 20,
                    Double(restoredBytes) / Double(max(archive.rawBytesRead, 1)) > limits.maxRatio
                {
                    throw LimitExceeded(
                        offender: Offender(
                            header.name, "compression ratio above limits.max_ratio \(Int(limits.maxRatio)):1"))
                }
            }
            if let pipeline { digest = try pipeline.finish(name: header.name) }
        } catch {
            pipeline?.abandon()
            throw error
        }
        if header.size > end {
            if !header.isSparse {
                // Not a sparse file, so the archive should have held every byte: a zip whose
                // sizes disagree, a rar volume whose continuation is missing.
                outcome.damage.append(
                    Offender(
                        header.name,
                        "the archive holds \(ByteSize.format(UInt64(end))) of the "
                            + "\(ByteSize.format(UInt64(header.size))) its header declares"))
            }
            try digest.updateZeros(header.size - end, progress: zerosProgress)
            ftruncate(fd, off_t(header.size))
        }
        return digest.finalize()
    }

    /// pwrite until the block is down.
    static func write(_ block: UnsafeRawBufferPointer, at offset: Int64, to fd: Int32, name: String) throws {
        var done = 0
        while done < block.count {
            let n = pwrite(fd, block.baseAddress! + done, block.count - done, off_t(offset) + off_t(done))
            if n < 0 {
                if errno == EINTR { continue }
                throw RestoreCheckError(.io, "cannot write the restored copy of \(name)", errno: errno)
            }
            done += n
        }
    }

    /// A gap in a file that is not sparse (a damaged archive): zeros, in order, through the
    /// pipeline, 64 KiB at a time so memory stays flat.
    private static func zeros(_ count: Int64, from start: Int64, into pipeline: BlockPipeline, name: String) throws {
        let chunk = [UInt8](repeating: 0, count: 65536)
        var done: Int64 = 0
        try chunk.withUnsafeBytes { zeros in
            while done < count {
                let n = Int(min(count - done, Int64(zeros.count)))
                try pipeline.write(UnsafeRawBufferPointer(rebasing: zeros[0..<n]), at: start + done, name: name)
                done += Int64(n)
            }
        }
    }

    private func loadEmbeddedManifest(_ entry: IndexedEntry, baseKey: String) {
        let name = String(entry.key.split(separator: "/").last ?? "")
        guard Self.manifestNames.contains(name) || name.hasSuffix(".mtree") else { return }
        let origin = "\(name) (inside the archive)"
        do {
            // Read line by line from the sandbox, now and when checked: never held whole.
            var manifest = try Manifest.load(.sandbox(reader, productionPath: entry.productionPath), origin: origin)
            manifest.selfKey = entry.key
            manifest.baseKey = baseKey
            algorithms.formUnion(manifest.algorithms)
            outcome.embeddedManifests.append(manifest)
        } catch {
            outcome.manifestErrors.append(String(describing: error))
        }
    }

    /// A manifest met mid-archive may name an algorithm the entries before it were not hashed
    /// with; only those files are read back from the sandbox.
    private func rehashForLateManifests() {
        for position in 0..<outcome.index.count {
            let entry = outcome.index[position]
            guard entry.restored, entry.type == .file || entry.type == .hardlink else { continue }
            let missing = algorithms.subtracting(entry.digests.keys)
            guard !missing.isEmpty, let more = reader.digests(entry.productionPath, missing) else { continue }
            outcome.index[position].digests.merge(more) { old, _ in old }
        }
    }
}
