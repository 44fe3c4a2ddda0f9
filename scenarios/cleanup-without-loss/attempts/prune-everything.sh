# Every prune with -a: once db is removed, notes-data is unused and volume prune -a deletes it.
docker container prune -f
docker image prune -a -f
docker builder prune -a -f
docker volume prune -a -f
docker system df
