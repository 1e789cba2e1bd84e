using Raciflow.Projects;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Governance;

public sealed class ProjectFileEditorTests
{
    private static readonly KeyValuePair<string, string>[] Row = [KeyValuePair.Create("data-scientist", "RA"), KeyValuePair.Create("ml-engineer", "C")];

    [Fact]
    public void AFlowRowIsReplacedInPlaceKeepingTheCommentOnItsLine()
    {
        var edited = Edit("project: p\nraci:\n  # the rows\n  eda: { data-scientist: R }  # fix me\n  experiment: { data-scientist: RA }\n# end\n");
        Assert.Equal("project: p\nraci:\n  # the rows\n  eda: { data-scientist: RA, ml-engineer: C }  # fix me\n  experiment: { data-scientist: RA }\n# end\n", edited);
    }

    [Fact]
    public void ABlockRowIsReplacedWithoutEatingTheCommentsAfterIt()
    {
        var edited = Edit("raci:\n  eda:\n    data-scientist: R\n    ml-engineer: I\n  # about experiment\n  experiment:\n    data-scientist: RA\n");
        Assert.Equal("raci:\n  eda:\n    { data-scientist: RA, ml-engineer: C }\n  # about experiment\n  experiment:\n    data-scientist: RA\n", edited);
    }

    [Fact]
    public void AMissingRowIsAddedToABlockMatrixAndAMissingMatrixIsAppended()
    {
        Assert.Equal("raci:\n  eda: { data-scientist: RA, ml-engineer: C }\n  experiment: { data-scientist: RA }\n", Edit("raci:\n  experiment: { data-scientist: RA }\n"));
        Assert.Equal("raci: { experiment: { data-scientist: RA }, eda: { data-scientist: RA, ml-engineer: C } }\n", Edit("raci: { experiment: { data-scientist: RA } }\n"));
        Assert.Equal("project: p # name\n\nraci:\n  eda: { data-scientist: RA, ml-engineer: C }\n", Edit("project: p # name\n"));
    }

    [Fact]
    public void AMatrixThatIsNotAMappingIsReportedAndTheFileIsLeftAlone()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("raciflow.yaml", "raci: [eda]\n");
        var ex = Assert.Throws<RaciflowException>(() => ProjectFileEditor.SetRaciRow(path, "eda", Row));
        Assert.Equal("raci", ex.Location);
        Assert.Equal("raci: [eda]\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    private static string Edit(string yaml)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("raciflow.yaml", yaml);
        ProjectFileEditor.SetRaciRow(path, "eda", Row);
        return File.ReadAllText(path);
    }
}
