namespace Raciflow.Serving.Inputs;

/// <summary>What a raw request value is: absent, null, a number, a string, a boolean, or something no input accepts.</summary>
public enum InputValueKind
{
    Missing,
    Null,
    Number,
    String,
    Boolean,
    Other,
}
