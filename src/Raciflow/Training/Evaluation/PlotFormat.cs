namespace Raciflow.Training.Evaluation;

/// <summary>Image format of a rendered chart.</summary>
public enum PlotFormat
{
    Svg,
    Png,
}
