{{/* Names and labels. */}}
{{- define "govdata.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* A CronJob's name: Kubernetes allows 52 characters (its Jobs append 11); the job's own
name is kept whole so that names stay unique. .root, .name */}}
{{- define "govdata.cronJobName" -}}
{{- $room := int (sub 51 (len .name)) -}}
{{- printf "%s-%s" (include "govdata.fullname" .root | trunc $room | trimSuffix "-") .name -}}
{{- end -}}

{{- define "govdata.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "govdata.labels" -}}
{{ include "govdata.selectorLabels" . }}
app.kubernetes.io/part-of: govdata
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
govdata.cn/region-code: {{ .root.Values.zone.regionCode | quote }}
{{- end -}}

{{/* Labels shared by every pod of the release, used by the default-deny NetworkPolicy. */}}
{{- define "govdata.releaseSelector" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "govdata.image" -}}
{{- $image := index .root.Values.images .image -}}
{{- if .root.Values.images.registry -}}
{{- printf "%s/%s:%s" .root.Values.images.registry $image.repository $image.tag -}}
{{- else -}}
{{- printf "%s:%s" $image.repository $image.tag -}}
{{- end -}}
{{- end -}}

{{- define "govdata.imagePullSecrets" -}}
{{- with .Values.images.pullSecrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Pods run as the images' numeric non-root user, with no privilege to gain. */}}
{{- define "govdata.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.podSecurity.runAsUser }}
runAsGroup: {{ .Values.podSecurity.runAsGroup }}
fsGroup: {{ .Values.podSecurity.fsGroup }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "govdata.containerSecurityContext" -}}
runAsNonRoot: true
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
capabilities:
  drop: [ALL]
{{- end -}}

{{/* Secret names: an existing Secret when named, else the one the chart renders. */}}
{{- define "govdata.postgresqlSecret" -}}
{{- if .Values.postgresql.password -}}{{ include "govdata.fullname" . }}-postgresql{{- else -}}{{ .Values.postgresql.existingSecret }}{{- end -}}
{{- end -}}

{{- define "govdata.s3Secret" -}}
{{- if .Values.warehouse.s3.secretAccessKey -}}{{ include "govdata.fullname" . }}-s3{{- else -}}{{ .Values.warehouse.s3.existingSecret }}{{- end -}}
{{- end -}}

{{- define "govdata.atlasSecret" -}}
{{- if .Values.atlas.password -}}{{ include "govdata.fullname" . }}-atlas{{- else -}}{{ .Values.atlas.existingSecret }}{{- end -}}
{{- end -}}

{{- define "govdata.federationSecret" -}}
{{- if .Values.federation.tls.key -}}{{ include "govdata.fullname" . }}-federation{{- else -}}{{ .Values.federation.existingSecret }}{{- end -}}
{{- end -}}

{{- define "govdata.eckName" -}}
{{ include "govdata.fullname" . }}-search
{{- end -}}

{{/* Elasticsearch endpoint and credentials, external or ECK-managed. */}}
{{- define "govdata.elasticsearchUrl" -}}
{{- if eq .Values.elasticsearch.mode "eck" -}}
https://{{ include "govdata.eckName" . }}-es-http:9200
{{- else -}}
{{ .Values.elasticsearch.external.url }}
{{- end -}}
{{- end -}}

{{- define "govdata.elasticsearchUsername" -}}
{{- if eq .Values.elasticsearch.mode "eck" -}}elastic{{- else -}}{{ .Values.elasticsearch.external.username }}{{- end -}}
{{- end -}}

{{- define "govdata.elasticsearchSecretRef" -}}
{{- if eq .Values.elasticsearch.mode "eck" -}}
name: {{ include "govdata.eckName" . }}-es-elastic-user
key: elastic
{{- else if .Values.elasticsearch.external.password -}}
name: {{ include "govdata.fullname" . }}-elasticsearch
key: password
{{- else -}}
name: {{ .Values.elasticsearch.external.existingSecret }}
key: {{ .Values.elasticsearch.external.passwordKey }}
{{- end -}}
{{- end -}}

{{- define "govdata.warehouseLocation" -}}
{{- if eq .Values.warehouse.type "s3" -}}
s3a://{{ .Values.warehouse.s3.bucket }}/{{ .Values.warehouse.s3.prefix }}
{{- else -}}
{{ .Values.warehouse.hdfs.uri }}
{{- end -}}
{{- end -}}

{{/* Object-store credentials as environment variables (S3A reads them from the environment). */}}
{{- define "govdata.warehouseEnv" -}}
{{- if eq .Values.warehouse.type "s3" }}
- name: AWS_ACCESS_KEY_ID
  valueFrom:
    secretKeyRef:
      name: {{ include "govdata.s3Secret" . }}
      key: {{ .Values.warehouse.s3.accessKeyIdKey }}
- name: AWS_SECRET_ACCESS_KEY
  valueFrom:
    secretKeyRef:
      name: {{ include "govdata.s3Secret" . }}
      key: {{ .Values.warehouse.s3.secretAccessKeyKey }}
{{- end }}
{{- end -}}

{{/*
Spark properties shared by the gateway and the pipelines: the Iceberg catalog over the
warehouse. Credentials never appear here (they come from the environment).
*/}}
{{- define "govdata.sparkWarehouseConf" -}}
spark.sql.extensions org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions
{{- $catalog := .Values.warehouse.catalog.name }}
spark.sql.catalog.{{ $catalog }} org.apache.iceberg.spark.SparkCatalog
spark.sql.catalog.{{ $catalog }}.type {{ .Values.warehouse.catalog.type }}
spark.sql.catalog.{{ $catalog }}.warehouse {{ include "govdata.warehouseLocation" . }}
{{- if .Values.warehouse.catalog.uri }}
spark.sql.catalog.{{ $catalog }}.uri {{ .Values.warehouse.catalog.uri }}
{{- end }}
spark.sql.defaultCatalog {{ $catalog }}
{{- if eq .Values.warehouse.type "s3" }}
spark.hadoop.fs.s3a.endpoint {{ .Values.warehouse.s3.endpoint }}
spark.hadoop.fs.s3a.endpoint.region {{ .Values.warehouse.s3.region }}
spark.hadoop.fs.s3a.path.style.access {{ .Values.warehouse.s3.pathStyleAccess }}
spark.hadoop.fs.s3a.aws.credentials.provider com.amazonaws.auth.EnvironmentVariableCredentialsProvider
{{- end }}
spark.ui.enabled false
spark.driver.port 7078
spark.blockManager.port 7079
spark.local.dir /tmp/spark-local
{{- end -}}

{{/* Spark properties for executors as pods of this release. .root, .component, .serviceAccount */}}
{{- define "govdata.sparkKubernetesConf" -}}
spark.kubernetes.namespace {{ .root.Release.Namespace }}
spark.kubernetes.container.image {{ include "govdata.image" (dict "root" .root "image" .image) }}
spark.kubernetes.container.image.pullPolicy {{ .root.Values.images.pullPolicy }}
spark.kubernetes.authenticate.serviceAccountName {{ .serviceAccount }}
spark.kubernetes.executor.podTemplateFile /etc/govdata/spark/executor-pod-template.yaml
spark.kubernetes.executor.podTemplateContainerName spark-kubernetes-executor
spark.kubernetes.executor.deleteOnTermination true
{{- end -}}

{{/* Ranger plugin configuration (ranger-govdata-security.xml) for both policy sources. */}}
{{- define "govdata.rangerSecurityXml" -}}
<?xml version="1.0" encoding="UTF-8"?>
<configuration>
  <property>
    <name>ranger.plugin.govdata.service.name</name>
    <value>{{ .Values.ranger.serviceName }}</value>
  </property>
  <property>
    <name>ranger.plugin.govdata.policy.cache.dir</name>
    <value>/var/cache/govdata/ranger</value>
  </property>
{{- if eq .Values.ranger.mode "admin" }}
  <property>
    <name>ranger.plugin.govdata.policy.rest.url</name>
    <value>{{ .Values.ranger.admin.url }}</value>
  </property>
  <property>
    <name>ranger.plugin.govdata.policy.pollIntervalMs</name>
    <value>{{ .Values.ranger.admin.pollIntervalMs }}</value>
  </property>
{{- else }}
  <property>
    <name>ranger.plugin.govdata.policy.source.impl</name>
    <value>{{ .Values.ranger.compiled.policySourceClass }}</value>
  </property>
  <property>
    <name>ranger.plugin.govdata.policy.source.file</name>
    <value>/etc/govdata/ranger/policies/policies.json</value>
  </property>
{{- end }}
</configuration>
{{- end -}}

{{/* Whether the gateway polls catalog-service for its compiled policies (ranger.mode compiled). */}}
{{- define "govdata.gatewayPoliciesFromCatalog" -}}
{{- if and (eq .Values.ranger.mode "compiled") (eq .Values.ranger.compiled.gatewaySource "catalog") -}}true{{- end -}}
{{- end -}}

{{/* The Secret holding the gateway's POLICY_READER API key. */}}
{{- define "govdata.policyReaderSecret" -}}
{{- if .Values.ranger.compiled.policyReader.apiKey -}}{{ include "govdata.fullname" . }}-policy-reader{{- else -}}{{ required "ranger.compiled.policyReader.existingSecret or .apiKey is required when ranger.compiled.gatewaySource is catalog" .Values.ranger.compiled.policyReader.existingSecret }}{{- end -}}
{{- end -}}

{{- define "govdata.rangerPoliciesConfigMap" -}}
{{- if .Values.ranger.compiled.existingConfigMap -}}{{ .Values.ranger.compiled.existingConfigMap }}{{- else -}}{{ include "govdata.fullname" . }}-ranger-policies{{- end -}}
{{- end -}}

{{/* Volumes every govdata pod mounts: writable scratch under a read-only root, Ranger config. */}}
{{- define "govdata.rangerVolumes" -}}
- name: ranger-cache
  emptyDir: {}
{{- if eq .Values.ranger.mode "compiled" }}
- name: ranger-policies
  configMap:
    name: {{ include "govdata.rangerPoliciesConfigMap" . }}
{{- end }}
{{- end -}}

{{- define "govdata.rangerVolumeMounts" -}}
- name: ranger-cache
  mountPath: /var/cache/govdata/ranger
{{- if eq .Values.ranger.mode "compiled" }}
- name: ranger-policies
  mountPath: /etc/govdata/ranger/policies
  readOnly: true
{{- end }}
{{- end -}}

{{- define "govdata.federationVolume" -}}
{{- if .Values.federation.enabled }}
- name: federation-tls
  secret:
    secretName: {{ include "govdata.federationSecret" . }}
    defaultMode: 0440
{{- end }}
{{- end -}}

{{- define "govdata.federationVolumeMount" -}}
{{- if .Values.federation.enabled }}
- name: federation-tls
  mountPath: /etc/govdata/federation
  readOnly: true
{{- end }}
{{- end -}}

{{/*
Executor pod template: the same security context as every govdata pod, scratch volumes under a
read-only root, and the object-store credentials from their Secret. .root, .component
*/}}
{{- define "govdata.executorPodTemplate" -}}
apiVersion: v1
kind: Pod
metadata:
  labels:
    {{- include "govdata.labels" (dict "root" .root "component" (printf "%s-executor" .component)) | nindent 4 }}
spec:
  automountServiceAccountToken: false
  securityContext:
    {{- include "govdata.podSecurityContext" .root | nindent 4 }}
  containers:
    - name: spark-kubernetes-executor
      securityContext:
        {{- include "govdata.containerSecurityContext" .root | nindent 8 }}
      env:
        {{- include "govdata.warehouseEnv" .root | indent 8 }}
        {{- include "govdata.hadoopEnv" .root | indent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
        - name: work-dir
          mountPath: /opt/spark/work-dir
        {{- include "govdata.hadoopVolumeMount" .root | indent 8 }}
        {{- if eq .component "pipelines" }}
        {{- include "govdata.pipelineVolumeMounts" .root | indent 8 }}
        {{- end }}
  volumes:
    - name: tmp
      emptyDir: {}
    - name: work-dir
      emptyDir: {}
    {{- include "govdata.hadoopVolume" .root | indent 4 }}
    {{- if eq .component "pipelines" }}
    {{- include "govdata.pipelineVolumes" .root | indent 4 }}
    {{- end }}
{{- end -}}

{{/*
The pipelines read their sources and write their home (and, for now, its Hadoop-catalog
warehouse) as local paths: executors see both claims at the same paths as the driver.
*/}}
{{- define "govdata.pipelineVolumeMounts" }}
- name: sources
  mountPath: /var/lib/govdata/sources
  readOnly: true
- name: home
  mountPath: /var/lib/govdata/pipelines
{{- end -}}

{{- define "govdata.pipelineVolumes" }}
- name: sources
  persistentVolumeClaim:
    claimName: {{ .Values.pipelines.sources.existingClaim }}
    readOnly: true
- name: home
  persistentVolumeClaim:
    claimName: {{ .Values.pipelines.home.existingClaim }}
{{- end -}}

{{/* spark-submit's master and executor settings for a driver running in this pod. */}}
{{- define "govdata.sparkMasterArgs" -}}
{{- if eq .spark.mode "kubernetes" -}}
- --master
- {{ include "govdata.sparkMaster" .spark }}
- --deploy-mode
- client
- --conf
- spark.kubernetes.driver.pod.name=$(POD_NAME)
- --conf
- spark.driver.host=$(POD_IP)
- --conf
- spark.driver.bindAddress=0.0.0.0
- --conf
- spark.executor.instances={{ .executors.instances }}
- --conf
- spark.executor.cores={{ .executors.cores }}
- --conf
- spark.executor.memory={{ .executors.memory }}
- --conf
- spark.executor.memoryOverhead={{ .executors.memoryOverhead }}
{{- else -}}
- --master
- {{ include "govdata.sparkMaster" .spark }}
{{- end -}}
{{- end -}}

{{- define "govdata.sparkMaster" -}}
{{- if eq .mode "kubernetes" -}}
k8s://https://kubernetes.default.svc:443
{{- else -}}
local[{{ .localThreads }}]
{{- end -}}
{{- end -}}

{{- define "govdata.podIdentityEnv" -}}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: POD_IP
  valueFrom:
    fieldRef:
      fieldPath: status.podIP
{{- end -}}

{{/* The zone's HDFS client configuration, when the warehouse is on HDFS. */}}
{{- define "govdata.hadoopEnv" -}}
{{- if and (eq .Values.warehouse.type "hdfs") .Values.warehouse.hdfs.configMap }}
- name: HADOOP_CONF_DIR
  value: /etc/hadoop/conf
{{- end }}
{{- end -}}

{{- define "govdata.hadoopVolumeMount" -}}
{{- if and (eq .Values.warehouse.type "hdfs") .Values.warehouse.hdfs.configMap }}
- name: hadoop-conf
  mountPath: /etc/hadoop/conf
  readOnly: true
{{- end }}
{{- end -}}

{{- define "govdata.hadoopVolume" -}}
{{- if and (eq .Values.warehouse.type "hdfs") .Values.warehouse.hdfs.configMap }}
- name: hadoop-conf
  configMap:
    name: {{ .Values.warehouse.hdfs.configMap }}
{{- end }}
{{- end -}}

{{/* Pod memory for a JVM heap given in Spark's notation (4g): heap plus 1 GiB off-heap room. */}}
{{- define "govdata.podMemory" -}}
{{- $text := lower (toString .) -}}
{{- if hasSuffix "g" $text -}}
{{- printf "%dGi" (add1 (int (trimSuffix "g" $text))) -}}
{{- else -}}
{{- printf "%dMi" (add 1024 (int (trimSuffix "m" $text))) -}}
{{- end -}}
{{- end -}}

{{/* One egress rule to a service outside the release: {cidrs, ports}. */}}
{{- define "govdata.externalEgress" -}}
- ports:
    {{- range .ports }}
    - port: {{ . }}
      protocol: TCP
    {{- end }}
  {{- with .cidrs }}
  to:
    {{- range . }}
    - ipBlock:
        cidr: {{ . }}
    {{- end }}
  {{- end }}
{{- end -}}

{{/* Egress to the warehouse: the object store or HDFS, and the Iceberg catalog service. */}}
{{- define "govdata.warehouseEgress" -}}
{{- $external := .Values.networkPolicy.external -}}
{{- if eq .Values.warehouse.type "s3" }}
{{ include "govdata.externalEgress" $external.objectStore }}
{{- else }}
{{ include "govdata.externalEgress" $external.hdfs }}
{{- end }}
{{- if eq .Values.warehouse.catalog.type "hive" }}
{{ include "govdata.externalEgress" $external.hiveMetastore }}
{{- else if eq .Values.warehouse.catalog.type "rest" }}
{{ include "govdata.externalEgress" $external.restCatalog }}
{{- end }}
{{- end -}}

{{- define "govdata.kubernetesApiEgress" -}}
{{ include "govdata.externalEgress" (dict "cidrs" .Values.networkPolicy.kubernetesApi.cidrs "ports" .Values.networkPolicy.kubernetesApi.ports) }}
{{- end -}}

{{- define "govdata.podPeer" -}}
- podSelector:
    matchLabels:
      {{- include "govdata.selectorLabels" . | nindent 6 }}
{{- end -}}

{{- define "govdata.pipelineDriverPeer" -}}
- podSelector:
    matchLabels:
      app.kubernetes.io/name: {{ .Chart.Name }}
      app.kubernetes.io/instance: {{ .Release.Name }}
      govdata.cn/spark-role: driver
{{- end -}}

{{- define "govdata.sparkPorts" -}}
- port: 7078
  protocol: TCP
- port: 7079
  protocol: TCP
{{- end -}}

{{/* CIDRs of the federation peers, as a YAML list. */}}
{{- define "govdata.peerCidrs" -}}
{{- $cidrs := list -}}
{{- range .Values.federation.peers }}{{ if .cidr }}{{ $cidrs = append $cidrs .cidr }}{{ end }}{{ end -}}
{{- toYaml $cidrs -}}
{{- end -}}

{{/* cn.govdata.pipelines.Main's arguments for a job; no --master: Main takes spark-submit's. .root, .job */}}
{{- define "govdata.pipelineArguments" -}}
- pipeline
- {{ .job.pipeline }}
- --sources
- /var/lib/govdata/sources/{{ .job.sources }}
{{- if .job.linkConfig }}
- --link-config
- {{ .root.Values.pipelines.configDir }}/{{ .job.name }}-link.yaml
{{- end }}
- --home
- /var/lib/govdata/pipelines
{{- end -}}

{{/* What a pipeline driver needs in its environment: object-store, HDFS and Atlas credentials. */}}
{{- define "govdata.pipelineDriverEnv" -}}
{{- include "govdata.warehouseEnv" . }}
{{- include "govdata.hadoopEnv" . }}
{{- if .Values.atlas.enabled }}
- name: GOVDATA_ATLAS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "govdata.atlasSecret" . }}
      key: {{ .Values.atlas.passwordKey }}
{{- end }}
{{- end -}}

{{/* A pipeline driver's files: link rules, sources, home, federation and HDFS configuration. .root, .job */}}
{{- define "govdata.pipelineDriverVolumeMounts" -}}
{{- if .job.linkConfig }}
- name: pipeline-config
  mountPath: {{ .root.Values.pipelines.configDir }}
  readOnly: true
{{- end }}
{{- include "govdata.pipelineVolumeMounts" .root }}
{{- include "govdata.federationVolumeMount" .root }}
{{- include "govdata.hadoopVolumeMount" .root }}
{{- end -}}

{{- define "govdata.pipelineDriverVolumes" -}}
{{- if .job.linkConfig }}
- name: pipeline-config
  configMap:
    name: {{ include "govdata.fullname" .root }}-pipelines
    items:
      - key: {{ .job.name }}-link.yaml
        path: {{ .job.name }}-link.yaml
{{- end }}
{{- include "govdata.pipelineVolumes" .root }}
{{- include "govdata.federationVolume" .root }}
{{- include "govdata.hadoopVolume" .root }}
{{- end -}}

{{/*
Driver pod template of a cluster-mode pipeline run: the same lock-down as every govdata pod, the
identity that may start executors, and the job's files and credentials. Spark adds its own
configuration volume, local directories and ports. .root, .job
*/}}
{{- define "govdata.pipelineDriverPodTemplate" -}}
apiVersion: v1
kind: Pod
metadata:
  labels:
    {{- include "govdata.labels" (dict "root" .root "component" (printf "pipeline-%s" .job.name)) | nindent 4 }}
    govdata.cn/spark-role: driver
spec:
  serviceAccountName: {{ include "govdata.fullname" .root }}-spark
  automountServiceAccountToken: true
  {{- include "govdata.imagePullSecrets" .root | indent 2 }}
  securityContext:
    {{- include "govdata.podSecurityContext" .root | nindent 4 }}
  containers:
    - name: spark-kubernetes-driver
      securityContext:
        {{- include "govdata.containerSecurityContext" .root | nindent 8 }}
      env:
        {{- include "govdata.pipelineDriverEnv" .root | indent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
        - name: work-dir
          mountPath: /opt/spark/work-dir
        {{- include "govdata.pipelineDriverVolumeMounts" . | indent 8 }}
  volumes:
    - name: tmp
      emptyDir: {}
    - name: work-dir
      emptyDir: {}
    {{- include "govdata.pipelineDriverVolumes" . | indent 4 }}
{{- end -}}

{{/*
The exchange commands' arguments (cn.govdata.pipelines.Main agent | deliver-due): the node's home
is the pipelines' home claim, the keystore and the peer registry come from their Secret and
ConfigMap. .root, .command
*/}}
{{- define "govdata.exchangeArguments" -}}
{{- $exchange := .root.Values.exchange -}}
- {{ .command }}
- --home
- /var/lib/govdata/pipelines
- --tls-keystore
- /etc/govdata/exchange/keystore/node.p12
- --tls-password-env
- GOVDATA_TLS_PASSWORD
- --peers
- /etc/govdata/exchange/peers/peers.json
{{- if eq .command "agent" }}
- --port
- {{ $exchange.agent.port | quote }}
{{- else }}
- --catalog
- http://{{ include "govdata.fullname" .root }}-catalog:{{ .root.Values.catalog.port }}
- --api-key-env
- GOVDATA_AGENT_API_KEY
- --interval-seconds
- {{ $exchange.deliverDue.intervalSeconds | quote }}
{{- with $exchange.deliverDue.jdbc }}
{{- if .url }}
- --jdbc-url
- {{ .url | quote }}
{{- if .user }}
- --jdbc-user
- {{ .user | quote }}
{{- end }}
{{- if .existingSecret }}
- --jdbc-password-env
- GOVDATA_EXCHANGE_DB_PASSWORD
{{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- end -}}

{{/* The node's home (the pipelines' claim) with its signing keys, keystore and peer registry. */}}
{{- define "govdata.exchangeVolumeMounts" -}}
- name: home
  mountPath: /var/lib/govdata/pipelines
- name: node-key
  mountPath: /var/lib/govdata/pipelines/node
  readOnly: true
- name: keystore
  mountPath: /etc/govdata/exchange/keystore
  readOnly: true
- name: peers
  mountPath: /etc/govdata/exchange/peers
  readOnly: true
- name: tmp
  mountPath: /tmp
{{- end -}}

{{- define "govdata.exchangeVolumes" -}}
- name: home
  persistentVolumeClaim:
    claimName: {{ .Values.pipelines.home.existingClaim }}
- name: node-key
  secret:
    secretName: {{ .Values.exchange.nodeKeySecret }}
    defaultMode: 0400
- name: keystore
  secret:
    secretName: {{ .Values.exchange.keystoreSecret }}
    defaultMode: 0400
    items:
      - key: node.p12
        path: node.p12
- name: peers
  configMap:
    name: {{ .Values.exchange.peersConfigMap }}
    items:
      - key: peers.json
        path: peers.json
- name: tmp
  emptyDir: {}
{{- end -}}
