namespace Raciflow.Data.Ingestion;

/// <summary>
/// The streaming passes of an ingest. Pass one reads the source once, hashing its bytes and inferring the schema
/// while the kernel copies it to staging; pass two reads the private copy, converts values, gathers statistics and writes Parquet.
/// For CSV, pass one also does pass two's work on a guessed schema, so pass two runs only when the guess was wrong.
/// Memory is bounded by a row group, whatever the file size.
/// </summary>
internal sealed class TableIngestor(string stagingDirectory)
{
    public const string Csv = "csv";
    public const string Parquet = "parquet";

    private double _progress;

    public async Task<StagedSource> StageAsync(string path, string format, Action<double> progress, CancellationToken cancellationToken)
    {
        var copyPath = Path.Combine(stagingDirectory, $"{Guid.NewGuid():N}.source.rf-tmp");
        var copying = CopySourceAsync(path, copyPath);
        var hashing = new HashingStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
        try
        {
            if (format == Parquet)
            {
                hashing.Drain();
                var parquetHash = hashing.Hash();
                await hashing.DisposeAsync();
                await copying;
                await using var parquet = await ParquetTableSource.OpenAsync(copyPath, path, cancellationToken);
                var parquetInference = new TypeInferencePass(parquet.ColumnNames);
                await parquet.ReadAsync(parquetInference, p => progress(p * 0.5), cancellationToken);
                return Staged(path, Parquet, copyPath, parquetHash, hashing.BytesRead, parquetInference);
            }

            var staged = await StageCsvAsync(hashing, path, copyPath, progress, cancellationToken);
            await copying;
            return staged;
        }
        catch
        {
            await hashing.DisposeAsync();
            await copying.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // the parse's error is the one to report
            TryDelete(copyPath);
            throw;
        }
    }

    /// <summary>
    /// Copies the source to staging while it is parsed, by the kernel (copy_file_range where the file system has
    /// it), instead of writing every byte read through this process: for a 1 GB file that write cost about 2 CPU-s of
    /// kernel time on the parsing thread. The copy is the hashed content as long as the file's stamp (size, mtime,
    /// inode) is unchanged from before the read to after the copy, which <see cref="DatasetService"/> checks; the
    /// hash cache trusts the same stamp.
    /// </summary>
    private static Task CopySourceAsync(string path, string copyPath) => Task.Run(() => File.Copy(path, copyPath, overwrite: false));

    /// <summary>
    /// Reads a CSV source once: copies, hashes, infers its schema and, speculatively, converts it to Parquet with
    /// statistics (see <see cref="SpeculativeCopyPass"/>). When the speculation fails, the staged source carries no
    /// Parquet copy and <see cref="WriteParquetAsync"/> makes it from the private copy as before.
    /// </summary>
    private async Task<StagedSource> StageCsvAsync(HashingStream hashing, string path, string copyPath, Action<double> progress, CancellationToken cancellationToken)
    {
        var parquetPath = Path.Combine(stagingDirectory, $"{Guid.NewGuid():N}.parquet.rf-tmp");
        var keepParquet = false;
        try
        {
            await using var output = new FileStream(parquetPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20);
            await using var csv = CsvTableSource.Open(hashing, path, path);
            await using var pass = new SpeculativeCopyPass(csv.ColumnNames, output, cancellationToken);
            await csv.ReadAsync(pass, p => Report(progress, p), cancellationToken);
            await pass.FlushAsync();
            hashing.Drain();
            var staged = Staged(path, Csv, copyPath, hashing.Hash(), hashing.BytesRead, pass.Inference);
            var statistics = await pass.CompleteAsync(staged.Schema);
            if (statistics is null)
            {
                return staged;
            }

            keepParquet = true;
            return staged with { ParquetPath = parquetPath, Statistics = statistics };
        }
        finally
        {
            if (!keepParquet)
            {
                TryDelete(parquetPath);
            }
        }
    }

    /// <summary>Pass two: writes the Parquet copy of a staged source to a new staging file; returns its path and the statistics.</summary>
    public async Task<(string ParquetPath, IReadOnlyList<ColumnStatistics> Statistics)> WriteParquetAsync(StagedSource staged, Action<double> progress, CancellationToken cancellationToken)
    {
        var parquetPath = Path.Combine(stagingDirectory, $"{Guid.NewGuid():N}.parquet.rf-tmp");
        try
        {
            await using var output = new FileStream(parquetPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20);
            await using var table = staged.Format == Parquet
                ? (ITableSource)await ParquetTableSource.OpenAsync(staged.CopyPath, staged.CopyPath, cancellationToken)
                : CsvTableSource.Open(new FileStream(staged.CopyPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), staged.CopyPath, staged.CopyPath);
            await using var pass = await ParquetCopyPass.CreateAsync(staged.Schema, output, cancellationToken);
            await table.ReadAsync(pass, p => Report(progress, 0.5 + (p * 0.5)), cancellationToken);
            var statistics = await pass.CompleteAsync();
            if (pass.Rows != staged.Rows)
            {
                throw new InvalidOperationException($"The staged copy yielded {pass.Rows} rows in pass two but {staged.Rows} in pass one.");
            }

            return (parquetPath, statistics);
        }
        catch
        {
            TryDelete(parquetPath);
            throw;
        }
    }

    /// <summary>Progress never goes back, even when a CSV's single pass ends at 100 % and a second pass is still needed.</summary>
    private void Report(Action<double> progress, double value)
    {
        if (value > _progress)
        {
            _progress = value;
            progress(value);
        }
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover staging file is ignored by every reader and never becomes visible as a version.
        }
    }

    private static StagedSource Staged(string path, string format, string copyPath, string hash, long size, TypeInferencePass inference)
    {
        if (inference.Rows == 0)
        {
            throw RaciflowException.Invalid($"File '{path}' has a header row but no data rows.", path);
        }

        return new StagedSource(format, copyPath, hash, size, inference.Schema(), inference.Rows);
    }

    /// <summary>The format a file's extension names, or an error listing the ones we read.</summary>
    public static string FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" or ".tsv" or ".txt" => Csv,
        ".parquet" or ".pq" => Parquet,
        var other => throw RaciflowException.Invalid(
            $"File '{path}' has {(other.Length == 0 ? "no extension" : $"the unknown extension '{other}'")}; add a .csv, .tsv, .txt or .parquet file.",
            path),
    };
}
