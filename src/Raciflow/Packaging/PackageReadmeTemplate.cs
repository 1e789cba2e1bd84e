using System.Globalization;
using Raciflow.Registry;

namespace Raciflow.Packaging;

/// <summary>README.md of a package: what each file is and how to build, run and deploy the image.</summary>
internal static class PackageReadmeTemplate
{
    public static string Render(ModelVersionDetails version, ImageReference image, string raciflowVersion)
    {
        var number = version.Version.ToString(CultureInfo.InvariantCulture);
        var port = PackageLayout.Port.ToString(CultureInfo.InvariantCulture);
        var ecr = image.Registry?.Contains(".amazonaws.com", StringComparison.Ordinal) == true;
        return $$"""
            # {{version.Label}}: deployable package

            {{version.Algorithm}} model predicting `{{version.Target}}` ({{version.Task.ToString().ToLowerInvariant()}}), packaged by
            `raciflow package` (Raciflow {{raciflowVersion}}). The image is `{{image}}`.

            ## What is here

            | file | what it is |
            |---|---|
            | `{{PackageLayout.Bundle}}` | the registry's bundle of {{version.Label}}, byte for byte (SHA-256 `{{version.BundleSha256}}`) |
            | `{{PackageLayout.ModelCard}}` | the model card: problem, data and lineage, metrics, inputs, limitations |
            | `{{PackageLayout.Signature}}` | what the model accepts (inputs, types, ranges, categories) and returns |
            | `{{PackageManifest.FileName}}` | manifest: model, version, bundle SHA-256, when, Raciflow version, image |
            | `{{PackageLayout.Source}}/` | the Raciflow source the image is built from (CLI, server, core, build settings) |
            | `{{PackageLayout.Dockerfile}}`, `{{PackageLayout.DockerIgnore}}` | multi-stage image: SDK build stage, ASP.NET runtime stage running as non-root `app` |
            | `{{PackageLayout.Kubernetes}}` | Kubernetes Deployment (2 replicas, probes, resources, non-root, read-only root filesystem) and Service |
            | `{{PackageLayout.Workflow}}` | GitHub Actions: lint and test, build and push the image, deploy to production |

            ## Build and run the image

            ```sh
            docker build -t {{image}} .
            docker run --rm -p {{port}}:{{port}} {{image}}
            curl -s localhost:{{port}}/health/ready
            curl -s -X POST localhost:{{port}}/api/v1/models/{{version.Model}}/versions/{{number}}/predict \
              -H 'content-type: application/json' -d @row.json
            ```

            The container runs `raciflow serve --serve-only` on the bundle in `{{PackageLayout.ImageModelDirectory}}`, listening on
            port {{port}} as the non-root user `app` (uid {{PackageLayout.AppUid}}). Its `HEALTHCHECK` runs `raciflow probe` against
            `/health/ready` (the runtime image has no curl); `docker ps` shows the result. Check the bundle before you
            build: `sha256sum {{PackageLayout.Bundle}}` must print the `sha256` of `{{PackageManifest.FileName}}`.

            ## Deploy on Kubernetes

            ```sh
            kubectl apply -f {{PackageLayout.Kubernetes}}
            kubectl rollout status deployment/{{image.KubernetesName}}
            kubectl port-forward service/{{image.KubernetesName}} {{port}}:80
            ```

            The pods run with `readOnlyRootFilesystem` and an `emptyDir` for `/tmp`. A private registry needs an
            `imagePullSecrets` entry (or, on EKS/AKS/GKE, node or workload identity allowed to pull).

            ## CI/CD (GitHub Actions)

            Commit this folder as a repository. `{{PackageLayout.Workflow}}` runs on pushes to `main`:

            1. **lint-and-test**: checks the bundle against the manifest, `dotnet format --verify-no-changes`, `dotnet test`
               for the test projects you add under `tests/`, then serves the bundle and waits for `/health/ready`.
            2. **build-and-push** (needs 1): `docker/build-push-action` pushes `{{image.Repository}}` tagged
               `v{{number}}` and `v{{number}}-<commit>`.
            3. **deploy** (needs 2): in the `production` environment, applies the manifest with the image pinned to the digest
               just pushed, then waits for the rollout.

            No long-lived key is stored. {{(ecr
                ? "ECR is reached through OIDC: set the repository variable `AWS_PUSH_ROLE_ARN` to a role allowed to push."
                : image.Registry is null || image.Registry.StartsWith("ghcr.io", StringComparison.Ordinal)
                    ? "ghcr.io is reached with the job's own short-lived `GITHUB_TOKEN` (`packages: write`)."
                    : $"Add the OIDC login of {image.Registry} where the workflow marks it (no registry password in secrets).")}}
            The cluster is reached through OIDC (`permissions: id-token: write`) with `aws-actions/configure-aws-credentials`:

            - Variables (Settings > Secrets and variables > Actions > Variables): `AWS_DEPLOY_ROLE_ARN`, `AWS_REGION`,
              `EKS_CLUSTER_NAME`, optionally `K8S_NAMESPACE` (default `default`).
            - In AWS: an IAM OIDC provider for `token.actions.githubusercontent.com` and a role whose trust policy allows
              `repo:OWNER/REPO:environment:production`, mapped to a Kubernetes user allowed to update the Deployment
              (EKS access entry or `aws-auth`).
            - Protect the environment: Settings > Environments > `production` > required reviewers (and deployment
              branches: `main`). The deploy job waits for the approval.

            **Azure (AKS) instead of AWS**: replace the two steps "Cloud credentials (OIDC)" and "Cluster credentials" of the
            deploy job with `azure/login@v2` (`client-id`, `tenant-id`, `subscription-id` as variables, a federated credential
            for `repo:OWNER/REPO:environment:production` on the app registration) and `azure/aks-set-context@v4`
            (`resource-group`, `cluster-name`). The rest of the workflow is unchanged.

            ## Not verified here

            Raciflow's tests check that these files are well-formed and refer to files in this folder; they do not run
            Docker or a cluster. Build the image once (`docker build`) before relying on the workflow.

            """;
    }
}
