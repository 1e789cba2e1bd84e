using System.Buffers;
using System.Text.Unicode;

namespace Raciflow.Data.Ingestion;

/// <summary>
/// Finds where a file stops being valid UTF-8. The decoder only says "invalid"; people need the line to fix it,
/// so on failure the file is scanned again (rare path) to name the line and byte offset.
/// </summary>
internal static class Utf8ErrorLocator
{
    public static RaciflowException Describe(string path, string displayName)
    {
        var (line, offset) = Locate(path);
        return line is null
            ? RaciflowException.Invalid($"File '{displayName}' is not valid UTF-8 text; save it as UTF-8 and add it again.", displayName)
            : RaciflowException.Invalid(
                $"File '{displayName}' line {line}: invalid UTF-8 byte sequence at byte offset {offset}; save the file as UTF-8 and add it again.",
                $"{displayName}:{line}");
    }

    internal static (long? Line, long Offset) Locate(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        var chars = ArrayPool<char>.Shared.Rent(1 << 16);
        try
        {
            long line = 1;
            long consumedTotal = 0;
            var carry = 0;
            while (true)
            {
                var read = stream.Read(buffer, carry, (1 << 16) - carry);
                var length = carry + read;
                var final = read == 0;
                var status = Utf8.ToUtf16(buffer.AsSpan(0, length), chars, out var bytesRead, out _, replaceInvalidSequences: false, isFinalBlock: final);
                line += buffer.AsSpan(0, bytesRead).Count((byte)'\n');
                if (status == OperationStatus.InvalidData)
                {
                    return (line, consumedTotal + bytesRead);
                }

                consumedTotal += bytesRead;
                carry = length - bytesRead;
                buffer.AsSpan(bytesRead, carry).CopyTo(buffer);
                if (final)
                {
                    return (null, consumedTotal);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
