namespace Raciflow.Serving;

/// <summary>A model's alias, as the key of the served-alias table.</summary>
public readonly record struct ServedAlias(string Model, string Alias);
