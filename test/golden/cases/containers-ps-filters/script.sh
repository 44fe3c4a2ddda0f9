# docker ps filters by label, volume, creation order and health, and the format placeholders for labels and mounts.
docker run -d --name web -l app=web -l tier=front -v site:/usr/share/site alpine sleep 1000
docker run -d --name db -l app=db --health-cmd 'true' -v /srv/db:/var/lib/db alpine sleep 1000
docker run --name job -v /cache alpine true
docker ps -a --filter label=app
docker ps -a --filter label=tier=front --format '{{.Names}}'
docker ps -a --filter volume=site --format '{{.Names}}'
docker ps -a --filter volume=/var/lib/db --format '{{.Names}}'
docker ps -a --filter before=db --format '{{.Names}}'
docker ps -a --filter since=web --format '{{.Names}}'
docker ps --filter health=starting --format '{{.Names}}: {{.Status}}'
docker ps -a --filter health=none --format '{{.Names}}'
docker ps --filter health=poorly
docker ps --filter since=nope
docker ps -a --format 'table {{.Names}}\t{{.Labels}}\t{{.Label "app"}}\t{{.Mounts}}\t{{.LocalVolumes}}'
docker ps -a --format '{{json .}}' --filter name=web
docker logs --since 1h db
docker run -d --name tick alpine sh -c 'for i in 1 2 3; do echo tick $i; sleep 60; done'
sleep 150
docker logs --since 100s tick
docker logs --until 100s tick
docker logs --since soon tick
# network= by name or ID prefix; aliases need a user-defined network.
docker run -d --name onhost --network host alpine sleep 100
docker ps --filter network=host --format '{{.Names}} {{.Networks}}'
docker ps -a --filter network=bridge --format '{{.Names}}' | head -2
docker run -d --network-alias api alpine sleep 100
