using System.Globalization;
using Raciflow.Registry;

namespace Raciflow.Packaging;

/// <summary>
/// .github/workflows/deploy.yml: lint and test, build and push the image, deploy, each job needing the one before.
/// Credentials are short-lived: the job's own GITHUB_TOKEN for ghcr.io, and the cloud through OIDC
/// (<c>id-token: write</c> + a role to assume), so no password or access key is ever stored in the repository.
/// The deploy job runs in the <c>production</c> environment, where the repository's protection rules apply.
/// </summary>
internal static class DeployWorkflowTemplate
{
    public static string Render(ModelVersionDetails version, ImageReference image)
    {
        var number = version.Version.ToString(CultureInfo.InvariantCulture);
        var ecr = image.Registry is { } r && r.Contains(".dkr.ecr.", StringComparison.Ordinal) && r.Contains(".amazonaws.com", StringComparison.Ordinal);
        var repository = image.Registry is null ? $"ghcr.io/${{{{ github.repository_owner }}}}/{image.Name}" : image.Repository;
        var buildPermissions = ecr ? "      id-token: write # OIDC: the role below pushes to ECR with short-lived credentials" : "      packages: write # push to ghcr.io with this job's short-lived GITHUB_TOKEN";
        var login = ecr ? EcrLogin : image.Registry is null || image.Registry.StartsWith("ghcr.io", StringComparison.Ordinal) ? GhcrLogin : OtherRegistryLogin(image.Registry);
        return $$$"""
            # CI/CD for {{{version.Label}}}; written by 'raciflow package'. Commit this folder as a repository (or copy the
            # workflow and adjust the paths) and set the variables named below under Settings > Secrets and variables >
            # Actions > Variables. No secret is needed: registry and cloud access come from OIDC and GITHUB_TOKEN.
            name: Deploy {{{version.Label}}}

            on:
              push:
                branches: [main]
              workflow_dispatch:

            permissions:
              contents: read

            concurrency:
              group: deploy-{{{image.KubernetesName}}}
              cancel-in-progress: false

            env:
              MODEL: "{{{version.Model}}}"
              MODEL_VERSION: "{{{number}}}"
              IMAGE_REPOSITORY: "{{{repository}}}"
              DEPLOYMENT: "{{{image.KubernetesName}}}"
              DOTNET_CLI_TELEMETRY_OPTOUT: "1"

            jobs:
              lint-and-test:
                name: Lint and test
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - uses: actions/setup-dotnet@v4
                    with:
                      global-json-file: {{{PackageLayout.Source}}}/global.json
                  - name: Check the bundle against the manifest
                    run: echo "$(jq -r .sha256 {{{PackageManifest.FileName}}})  {{{PackageLayout.Bundle}}}" | sha256sum --check
                  - name: Restore
                    run: dotnet restore {{{PackageLayout.Source}}}/{{{SourceTree.CliProject}}}
                  - name: Lint
                    run: dotnet format {{{PackageLayout.Source}}}/{{{SourceTree.CliProject}}} --verify-no-changes --no-restore
                  - name: Test
                    run: |
                      # Your test projects (tests/*/*.csproj) run here; the package ships none of its own.
                      shopt -s nullglob
                      for project in tests/*/*.csproj; do dotnet test "$project" -c Release; done
                  - name: Smoke test (serve the bundle, wait until ready)
                    run: |
                      dotnet publish {{{PackageLayout.Source}}}/{{{SourceTree.CliProject}}} -c Release --no-restore -o "$RUNNER_TEMP/cli"
                      dotnet "$RUNNER_TEMP/cli/Raciflow.Cli.dll" serve --serve-only --bundle {{{PackageLayout.Bundle}}} \
                        --model "$MODEL" --model-version "$MODEL_VERSION" --host 127.0.0.1 --port {{{PackageLayout.Port}}} &
                      server=$!
                      for attempt in $(seq 1 60); do
                        if dotnet "$RUNNER_TEMP/cli/Raciflow.Cli.dll" probe http://127.0.0.1:{{{PackageLayout.Port}}}/health/ready; then
                          kill "$server"
                          exit 0
                        fi
                        sleep 2
                      done
                      echo "::error::the server did not become ready in 2 minutes"
                      kill "$server"
                      exit 1

              build-and-push:
                name: Build and push the image
                needs: lint-and-test
                runs-on: ubuntu-latest
                permissions:
                  contents: read
            {{{buildPermissions}}}
                outputs:
                  image: ${{ steps.names.outputs.repository }}
                  digest: ${{ steps.build.outputs.digest }}
                steps:
                  - uses: actions/checkout@v4
                  - name: Name the image (model version + commit)
                    id: names
                    run: |
                      repository="${IMAGE_REPOSITORY,,}"
                      echo "repository=$repository" >> "$GITHUB_OUTPUT"
                      echo "tags=$repository:v$MODEL_VERSION,$repository:v$MODEL_VERSION-${GITHUB_SHA::12}" >> "$GITHUB_OUTPUT"
            {{{login}}}
                  - uses: docker/setup-buildx-action@v3
                  - name: Build and push
                    id: build
                    uses: docker/build-push-action@v6
                    with:
                      context: .
                      push: true
                      tags: ${{ steps.names.outputs.tags }}
                      labels: |
                        org.opencontainers.image.revision=${{ github.sha }}
                        org.opencontainers.image.source=${{ github.server_url }}/${{ github.repository }}
                        io.raciflow.model=${{ env.MODEL }}
                        io.raciflow.model-version=${{ env.MODEL_VERSION }}
                      cache-from: type=gha
                      cache-to: type=gha,mode=max

              deploy:
                name: Deploy to production
                needs: build-and-push
                runs-on: ubuntu-latest
                # Protection (required reviewers, wait timer, branches) is configured on the environment:
                # Settings > Environments > production. The job waits there until the rules pass.
                environment:
                  name: production
                permissions:
                  contents: read
                  id-token: write # OIDC: exchanged for short-lived cloud credentials, no stored keys
                env:
                  IMAGE: ${{ needs.build-and-push.outputs.image }}@${{ needs.build-and-push.outputs.digest }}
                  NAMESPACE: ${{ vars.K8S_NAMESPACE || 'default' }}
                steps:
                  - uses: actions/checkout@v4
                  # AWS (EKS). The role trusts token.actions.githubusercontent.com for this repository and environment.
                  # On Azure (AKS) replace these two steps with azure/login@v2 (client-id, tenant-id, subscription-id;
                  # federated credential on the app registration) and azure/aks-set-context@v4; see README.md.
                  - name: Cloud credentials (OIDC)
                    uses: aws-actions/configure-aws-credentials@v4
                    with:
                      role-to-assume: ${{ vars.AWS_DEPLOY_ROLE_ARN }}
                      aws-region: ${{ vars.AWS_REGION }}
                  - name: Cluster credentials
                    env:
                      CLUSTER: ${{ vars.EKS_CLUSTER_NAME }}
                      REGION: ${{ vars.AWS_REGION }}
                    run: aws eks update-kubeconfig --name "$CLUSTER" --region "$REGION"
                  - name: Apply the manifest with the image just pushed (pinned by digest)
                    run: |
                      sed "s|^\( *image: \).*$|\1\"$IMAGE\"|" {{{PackageLayout.Kubernetes}}} > "$RUNNER_TEMP/deployment.yaml"
                      grep -q "image: \"$IMAGE\"" "$RUNNER_TEMP/deployment.yaml"
                      kubectl apply --namespace "$NAMESPACE" -f "$RUNNER_TEMP/deployment.yaml"
                  - name: Wait for the rollout
                    run: kubectl rollout status --namespace "$NAMESPACE" "deployment/$DEPLOYMENT" --timeout=10m

            """;
    }

    private const string GhcrLogin = """
              - name: Log in to ghcr.io
                uses: docker/login-action@v3
                with:
                  registry: ghcr.io
                  username: ${{ github.actor }}
                  password: ${{ secrets.GITHUB_TOKEN }}
        """;

    private const string EcrLogin = """
              - name: Cloud credentials (OIDC)
                uses: aws-actions/configure-aws-credentials@v4
                with:
                  role-to-assume: ${{ vars.AWS_PUSH_ROLE_ARN }}
                  aws-region: ${{ vars.AWS_REGION }}
              - name: Log in to Amazon ECR
                uses: aws-actions/amazon-ecr-login@v2
        """;

    private static string OtherRegistryLogin(string registry) => $$"""
              # Log in to {{registry}} here with its own OIDC action (for example azure/login then 'az acr login',
              # or google-github-actions/auth then gcloud auth configure-docker); keep no registry password in secrets.
        """;
}
