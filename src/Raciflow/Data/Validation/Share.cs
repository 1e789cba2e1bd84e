using System.Globalization;

namespace Raciflow.Data.Validation;

/// <summary>Formats "part of whole (percent)" the same way in every check.</summary>
internal static class Share
{
    public static string Of(long part, long whole) =>
        string.Create(CultureInfo.InvariantCulture, $"{part} of {whole} ({(whole == 0 ? 0 : 100.0 * part / whole):0.#}%)");

    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
