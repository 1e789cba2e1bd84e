using Raciflow.Monitoring.PredictionLog;

namespace Raciflow.Tests.Monitoring.PredictionLog;

/// <summary>Reads a text column back as strings through the parts the Parquet writer gets, for assertions.</summary>
internal static class TextColumnReading
{
    public static string?[] ToStrings(this TextColumn column, int count)
    {
        var values = new ReadOnlyMemory<char>[count];
        var levels = new int[count];
        column.CopyParts(values, levels);
        var strings = new string?[count];
        for (int row = 0, next = 0; row < count; row++)
        {
            strings[row] = levels[row] == 0 ? null : values[next++].ToString();
        }

        return strings;
    }
}
