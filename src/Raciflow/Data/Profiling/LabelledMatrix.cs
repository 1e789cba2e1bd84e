namespace Raciflow.Data.Profiling;

/// <summary>A square matrix of pairwise measures between named columns; NaN where a pair has no measure.</summary>
public sealed record LabelledMatrix(IReadOnlyList<string> Names, double[,] Values)
{
    public double this[string a, string b] => Values[Index(a), Index(b)];

    private int Index(string name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (Names[i] == name)
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"'{name}' is not in the matrix.");
    }
}
