namespace Raciflow.Serving.Inputs;

/// <summary>How a request laid its rows out, so a problem found after decoding can name a field the way the request did.</summary>
public enum InputLayout
{
    /// <summary>One JSON object, or a form: a field is named by itself (<c>lunch</c>).</summary>
    Object,

    /// <summary>A JSON array of objects: <c>[2].lunch</c>.</summary>
    Array,

    /// <summary><c>{"instances": [...]}</c>: <c>instances[2].lunch</c>.</summary>
    Instances,

    /// <summary>CSV with a header: <c>row 3, column lunch</c> (rows counted from 1 after the header).</summary>
    Csv,
}
