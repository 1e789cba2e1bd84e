namespace Raciflow.Serving.Inputs;

/// <summary>One raw value of a request, whatever it arrived as (JSON or CSV), before it is checked against the signature.</summary>
public readonly record struct InputValue(InputValueKind Kind, double Number = 0, string? Text = null)
{
    public static readonly InputValue Missing = new(InputValueKind.Missing);

    public static readonly InputValue Null = new(InputValueKind.Null);

    public string Describe() => Kind switch
    {
        InputValueKind.Number => "a number",
        InputValueKind.String => "a string",
        InputValueKind.Boolean => "a boolean",
        InputValueKind.Null => "null",
        InputValueKind.Missing => "nothing",
        _ => "a JSON " + (Text ?? "value"),
    };
}
