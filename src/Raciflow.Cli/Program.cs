using Raciflow.Cli;

return await CliApp.RunAsync(args);
