namespace Raciflow.Tests.Governance;

/// <summary>One request a <see cref="WebhookListener"/> accepted.</summary>
public sealed record ReceivedWebhook(byte[] Body, string Signature, string DeliveryId, string? ContentType);
