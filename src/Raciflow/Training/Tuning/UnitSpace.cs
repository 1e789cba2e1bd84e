using System.Globalization;

namespace Raciflow.Training.Tuning;

/// <summary>
/// Maps each hyperparameter to [0, 1] (log-scaled ranges logarithmically; choices by index) so samplers can work
/// on one scale.
/// </summary>
internal static class UnitSpace
{
    public static object FromUnit(Hyperparameter p, double u)
    {
        u = Math.Clamp(u, 0, 1);
        switch (p.Kind)
        {
            case HyperparameterKind.Choice:
                return p.Choices[Math.Min((int)(u * p.Choices.Count), p.Choices.Count - 1)];
            default:
                var value = p.LogScale && p.Min > 0
                    ? Math.Exp(Math.Log(p.Min) + (u * (Math.Log(p.Max) - Math.Log(p.Min))))
                    : p.Min + (u * (p.Max - p.Min));
                return p.Kind == HyperparameterKind.Integer ? Math.Clamp(Math.Round(value), p.Min, p.Max) : Math.Clamp(value, p.Min, p.Max);
        }
    }

    public static double ToUnit(Hyperparameter p, object value)
    {
        if (p.Kind == HyperparameterKind.Choice)
        {
            var i = p.Choices.ToList().IndexOf(Convert.ToString(value, CultureInfo.InvariantCulture)!);
            return (i + 0.5) / p.Choices.Count;
        }

        var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        if (p.Max <= p.Min)
        {
            return 0.5;
        }

        return p.LogScale && p.Min > 0
            ? (Math.Log(d) - Math.Log(p.Min)) / (Math.Log(p.Max) - Math.Log(p.Min))
            : (d - p.Min) / (p.Max - p.Min);
    }
}
