docker version
docker info
docker version --format '{{.Client.Version}} {{.Server.Version}} {{.Client.APIVersion}}'
docker info --format '{{json .Containers}} {{.ServerVersion}} {{.Name}}'
