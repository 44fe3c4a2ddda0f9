# Copying the files in works once; every edit needs another copy.
docker run -d --name web -p 8080:80 nginx
docker cp site/. web:/usr/share/nginx/html/
sed -i 's/Opening soon/Now open/' site/index.html
docker cp site/. web:/usr/share/nginx/html/
curl -s localhost:8080 | grep status
