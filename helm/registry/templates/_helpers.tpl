{{- define "registry.fullname" -}}
{{- $name := ternary .Release.Name (printf "%s-registry" .Release.Name) (contains "registry" .Release.Name) -}}
{{- $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "registry.selectorLabels" -}}
app.kubernetes.io/name: registry
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "registry.labels" -}}
{{ include "registry.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* One env entry per variable -> {name, key, optional} of an existing Secret. */}}
{{- define "registry.secretEnv" -}}
{{- range $variable, $ref := . }}
- name: {{ $variable }}
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "the Secret name for %s" $variable) $ref.name }}
      key: {{ required (printf "the Secret key for %s" $variable) $ref.key }}
      {{- if $ref.optional }}
      optional: true
      {{- end }}
{{- end }}
{{- end -}}
