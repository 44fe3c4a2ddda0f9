docker pull alpine
docker image inspect alpine
docker inspect -f '{{.Id}} {{.Os}}/{{.Architecture}} {{.Metadata.LastTagTime}}' alpine nope
