using System.Text;

namespace Raciflow.Training.Algorithms;

/// <summary>
/// The binary layout shared by the hand-written models: a header (magic, format version, algorithm, task) then
/// each model's parameters as little-endian doubles and ints. Doubles are written bit for bit, so a loaded model
/// predicts exactly what the saved one did.
/// </summary>
internal static class ModelFormat
{
    private const int Magic = 0x57484652; // "RFHW": Raciflow hand-written
    private const int FormatVersion = 1;

    public static BinaryWriter OpenWriter(Stream stream) => new(stream, Encoding.UTF8, leaveOpen: true);

    public static void WriteHeader(BinaryWriter writer, string algorithm, TaskKind task)
    {
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(algorithm);
        writer.Write((int)task);
    }

    /// <summary>
    /// Reads a model, turning truncated or foreign streams into an <see cref="ErrorKind.Unprocessable"/> error
    /// instead of an end-of-stream exception deep inside a reader.
    /// </summary>
    public static T Read<T>(Stream stream, string algorithm, Func<BinaryReader, TaskKind, T> readBody)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (reader.ReadInt32() != Magic)
            {
                throw Corrupt(algorithm, "it does not start with the Raciflow model header");
            }

            var version = reader.ReadInt32();
            if (version != FormatVersion)
            {
                throw Corrupt(algorithm, $"its format version is {version}; this build reads version {FormatVersion}");
            }

            var name = reader.ReadString();
            if (!string.Equals(name, algorithm, StringComparison.Ordinal))
            {
                throw Corrupt(algorithm, $"it holds a '{name}' model");
            }

            var task = (TaskKind)reader.ReadInt32();
            return Enum.IsDefined(task) ? readBody(reader, task) : throw Corrupt(algorithm, $"its task code {(int)task} is unknown");
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or InvalidDataException or ArgumentOutOfRangeException or OverflowException)
        {
            throw new RaciflowException(ErrorKind.Unprocessable, $"The stored '{algorithm}' model cannot be read: {ex.Message}", ex);
        }
    }

    public static RaciflowException Corrupt(string algorithm, string why) =>
        new(ErrorKind.Unprocessable, $"The stored '{algorithm}' model cannot be read: {why}.");

    public static void WriteDoubles(BinaryWriter writer, ReadOnlySpan<double> values)
    {
        writer.Write(values.Length);
        foreach (var v in values)
        {
            writer.Write(v);
        }
    }

    public static double[] ReadDoubles(BinaryReader reader)
    {
        var values = new double[ReadLength(reader, sizeof(double))];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadDouble();
        }

        return values;
    }

    public static void WriteInts(BinaryWriter writer, ReadOnlySpan<int> values)
    {
        writer.Write(values.Length);
        foreach (var v in values)
        {
            writer.Write(v);
        }
    }

    public static int[] ReadInts(BinaryReader reader)
    {
        var values = new int[ReadLength(reader, sizeof(int))];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadInt32();
        }

        return values;
    }

    /// <summary>Reads a count and checks it against what is left, so a corrupt length cannot allocate gigabytes.</summary>
    public static int ReadCount(BinaryReader reader, int min = 0)
    {
        var count = reader.ReadInt32();
        return count < min ? throw new InvalidDataException($"a count of {count} is below {min}") : count;
    }

    private static int ReadLength(BinaryReader reader, int elementSize)
    {
        var length = ReadCount(reader);
        var stream = reader.BaseStream;
        if (stream.CanSeek && (long)length * elementSize > stream.Length - stream.Position)
        {
            throw new InvalidDataException($"an array of {length} values runs past the end of the stream");
        }

        return length;
    }
}
