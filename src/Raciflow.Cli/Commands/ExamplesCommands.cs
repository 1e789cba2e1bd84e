using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands;

/// <summary>Registers <c>raciflow examples …</c>: generators for the bundled example data.</summary>
public static class ExamplesCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddBranch("examples", examples =>
        {
            examples.SetDescription("Generate the bundled example data sets.");
            examples.AddCommand<StudentPerformanceCommand>("student-performance")
                .WithDescription("Write the seeded 1,000-student exam-scores CSV (examples/student-performance/data/students.csv).");
        });
    }
}
