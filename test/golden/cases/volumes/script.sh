# Volumes before any container exists: create, list, inspect, remove, prune, and what system df counts.
docker volume ls
docker volume create mongo-data
docker volume create mongo-data
docker volume create --label project=shop --label tier cache
docker volume create
docker volume create 'my data'
docker volume create x
docker volume create --opt size=10m quota
docker volume create --driver nfs remote
docker volume create a b
docker volume ls
docker volume ls -q --filter label=project=shop
docker volume ls --filter name=data --format '{{.Name}}: {{.Mountpoint}}'
docker volume ls --filter color=red
docker volume inspect mongo-data cache
docker volume inspect --format '{{.Name}} {{.Labels}}' cache nope
docker system df
docker system df -v
docker volume rm mongo-data nope
docker volume rm -f nope
docker volume prune
docker volume prune -f
docker volume prune -a --filter all=1
docker volume prune -af --filter label=project
docker volume ls
# docker inspect finds volumes too.
docker volume create inspected
docker inspect --format "{{.Name}} {{.Driver}} {{.Scope}}" inspected
