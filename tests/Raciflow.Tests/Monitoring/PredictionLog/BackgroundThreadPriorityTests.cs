using System.Globalization;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Monitoring.PredictionLog;

public sealed class BackgroundThreadPriorityTests
{
    [Fact]
    public void OnLinuxTheLoweredThreadRunsAtNice10AndTheOthersAreUntouched()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // nice values are Linux's; elsewhere Thread.Priority is set
        }

        var callerBefore = Nice("thread-self");
        int before = -1, after = -1;
        var lowered = false;
        var thread = new Thread(() =>
        {
            before = Nice("thread-self");
            lowered = BackgroundThreadPriority.TryLowerCurrentThread();
            after = Nice("thread-self");
        });
        thread.Start();
        thread.Join();

        Assert.Equal(callerBefore, before);
        Assert.True(lowered);
        Assert.Equal(BackgroundThreadPriority.LinuxNice, after);
        Assert.Equal(callerBefore, Nice("thread-self"));
    }

    [Fact]
    [Trait("Category", TestServices.Integration)]
    public async Task ThePredictionLogWriterThreadRunsAtTheLowerPriority()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // nice values are Linux's; elsewhere Thread.Priority is set
        }

        using var ws = await TestWorkspace.CreateAsync(StoreKind.Local);
        await using var logger = new PredictionLogger(ws.Workspace);

        // The writer lowers its priority as it starts; .NET gives the OS thread the first 15 characters of its name.
        var writers = Array.Empty<int>();
        for (var attempt = 0; attempt < 100 && writers.Length == 0; attempt++)
        {
            writers = [.. Directory.GetDirectories("/proc/self/task")
                .Where(task => File.ReadAllText(Path.Combine(task, "comm")).StartsWith("Raciflow predic", StringComparison.Ordinal))
                .Select(task => Nice(Path.Combine("self", "task", Path.GetFileName(task))))
                .Where(nice => nice == BackgroundThreadPriority.LinuxNice)];
            await Task.Delay(50);
        }

        Assert.NotEmpty(writers);
    }

    /// <summary>Field 19 of /proc/…/stat, counted after the command name (which may contain spaces).</summary>
    private static int Nice(string procPath)
    {
        var stat = File.ReadAllText(Path.Combine("/proc", procPath, "stat"));
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], CultureInfo.InvariantCulture);
    }
}
