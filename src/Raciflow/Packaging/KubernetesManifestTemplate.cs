using System.Globalization;
using Raciflow.Registry;

namespace Raciflow.Packaging;

/// <summary>
/// k8s/deployment.yaml: a Deployment (two replicas, probes on the server's health endpoints, requests and limits,
/// non-root with a read-only root filesystem) and a ClusterIP Service in front of it. The selector names only the
/// app, never the version, because a selector cannot change once applied and the next version must roll over it.
/// </summary>
internal static class KubernetesManifestTemplate
{
    public static string Render(ModelVersionDetails version, ImageReference image)
    {
        var name = image.KubernetesName;
        var number = version.Version.ToString(CultureInfo.InvariantCulture);
        var uid = PackageLayout.AppUid.ToString(CultureInfo.InvariantCulture);
        // Label values hold at most 63 characters and end with a letter or digit; model names may be longer.
        var model = version.Model.Length <= 63 ? version.Model : version.Model[..63].TrimEnd('.', '_', '-');
        return $$"""
            # {{version.Label}} on Kubernetes; written by 'raciflow package'. Apply with: kubectl apply -f k8s/deployment.yaml
            # The CI workflow applies it with the image replaced by the digest it just pushed.
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{name}}
              labels:
                app.kubernetes.io/name: {{name}}
                app.kubernetes.io/part-of: raciflow
                app.kubernetes.io/version: "v{{number}}"
                raciflow.io/model: "{{model}}"
                raciflow.io/model-version: "{{number}}"
            spec:
              replicas: 2
              revisionHistoryLimit: 5
              selector:
                matchLabels:
                  app.kubernetes.io/name: {{name}}
              strategy:
                type: RollingUpdate
                rollingUpdate:
                  maxUnavailable: 0
                  maxSurge: 1
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: {{name}}
                    app.kubernetes.io/part-of: raciflow
                    app.kubernetes.io/version: "v{{number}}"
                    raciflow.io/model: "{{model}}"
                    raciflow.io/model-version: "{{number}}"
                  annotations:
                    raciflow.io/bundle-sha256: "{{version.BundleSha256}}"
                spec:
                  automountServiceAccountToken: false
                  securityContext:
                    runAsNonRoot: true
                    runAsUser: {{uid}}
                    runAsGroup: {{uid}}
                    seccompProfile:
                      type: RuntimeDefault
                  containers:
                    - name: server
                      image: "{{image}}"
                      imagePullPolicy: IfNotPresent
                      ports:
                        - name: http
                          containerPort: {{PackageLayout.Port}}
                          protocol: TCP
                      resources:
                        requests:
                          cpu: 250m
                          memory: 256Mi
                        limits:
                          cpu: "1"
                          memory: 1Gi
                      # The model loads before the server listens; give it time before liveness may restart the pod.
                      startupProbe:
                        httpGet:
                          path: /health/live
                          port: http
                        periodSeconds: 2
                        failureThreshold: 60
                      readinessProbe:
                        httpGet:
                          path: /health/ready
                          port: http
                        periodSeconds: 5
                        timeoutSeconds: 2
                        failureThreshold: 3
                      livenessProbe:
                        httpGet:
                          path: /health/live
                          port: http
                        periodSeconds: 10
                        timeoutSeconds: 2
                        failureThreshold: 3
                      securityContext:
                        allowPrivilegeEscalation: false
                        readOnlyRootFilesystem: true
                        capabilities:
                          drop: ["ALL"]
                      # The root filesystem is read-only; .NET and ML.NET still need a scratch /tmp.
                      volumeMounts:
                        - name: tmp
                          mountPath: /tmp
                  volumes:
                    - name: tmp
                      emptyDir:
                        sizeLimit: 256Mi
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: {{name}}
              labels:
                app.kubernetes.io/name: {{name}}
                app.kubernetes.io/part-of: raciflow
                raciflow.io/model: "{{model}}"
            spec:
              type: ClusterIP
              selector:
                app.kubernetes.io/name: {{name}}
              ports:
                - name: http
                  port: 80
                  targetPort: http
                  protocol: TCP

            """;
    }
}
