namespace Raciflow.Governance.Notifications;

/// <summary>A webhook answered with a non-success status; retried, then dead-lettered with this message.</summary>
public sealed class WebhookDeliveryException : Exception
{
    public WebhookDeliveryException(string message)
        : base(message)
    {
    }

    public WebhookDeliveryException()
    {
    }

    public WebhookDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
