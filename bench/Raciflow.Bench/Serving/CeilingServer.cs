using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Raciflow.Bench.Serving;

/// <summary>
/// <c>ceiling PORT</c>: the fastest this machine answers the same request: a minimal ASP.NET Core endpoint that only
/// parses the JSON body and returns a number. The load script compares Raciflow with it.
/// </summary>
public static class CeilingServer
{
    public static async Task<int> RunAsync(string port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapPost("/predict", async (HttpRequest request) =>
        {
            using var document = await JsonDocument.ParseAsync(request.Body);
            return Results.Json(new { value = document.RootElement.GetArrayLength() >= 0 ? 0.0 : 1.0 });
        });
        app.MapPost("/predict-object", async (HttpRequest request) =>
        {
            using var document = await JsonDocument.ParseAsync(request.Body);
            return Results.Json(new { value = document.RootElement.EnumerateObject().Count() });
        });
        await app.RunAsync();
        return 0;
    }
}
