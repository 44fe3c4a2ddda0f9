/**
 * The offline npm registry: the packages a teaching project uses, with their real dependency ranges (as published
 * in July 2025, when the simulated machines start), so a tree resolves to about as many packages as npm installs.
 * Sizes are unpacked sizes in kB, approximations of the registry's `dist.unpackedSize`. Big trees (jest, eslint,
 * next) keep their real direct dependencies and a representative part of the rest, not every package.
 *
 * One line per published version line: `name@version sizeKB [flags] [: dep@range ...]`. Flags:
 * `$` has a `funding` field; `~1.2.0,1.2.1` older versions with the same data; `bin=name:path,...`;
 * `main=path`; `L=license` (MIT when absent); `dev` marks nothing (devness comes from the project); `types` for
 * type-only packages (no main file). The last line of a package is its `latest` dist-tag.
 */
export const CATALOG_LINES = `
accepts@1.3.8 16 : mime-types@~2.1.34 negotiator@0.6.3
accepts@2.0.0 13 : mime-types@^3.0.0 negotiator@^1.0.0
array-flatten@1.1.1 4
body-parser@1.20.3 57 ~1.20.2 : bytes@3.1.2 content-type@~1.0.5 debug@2.6.9 depd@2.0.0 destroy@1.2.0 http-errors@2.0.0 iconv-lite@0.4.24 on-finished@2.4.1 qs@6.13.0 raw-body@2.5.2 type-is@~1.6.18 unpipe@1.0.0
body-parser@2.2.0 45 : bytes@^3.1.2 content-type@^1.0.5 debug@^4.4.0 http-errors@^2.0.0 iconv-lite@^0.6.3 on-finished@^2.4.1 qs@^6.14.0 raw-body@^3.0.0 type-is@^2.0.0
bytes@3.1.2 12
call-bind-apply-helpers@1.0.2 $ 18 : es-errors@^1.3.0 function-bind@^1.1.2
call-bound@1.0.4 $ 11 : call-bind-apply-helpers@^1.0.2 get-intrinsic@^1.3.0
content-disposition@0.5.4 19 : safe-buffer@5.2.1
content-disposition@1.0.0 19 : safe-buffer@5.2.1
content-type@1.0.5 10
cookie@0.7.1 22 ~0.7.2
cookie-signature@1.0.6 5
cookie-signature@1.2.2 7
debug@2.6.9 78 : ms@2.0.0
debug@4.4.1 42 ~4.3.4,4.3.7,4.4.0 : ms@^2.1.3
depd@2.0.0 26
destroy@1.2.0 8
dunder-proto@1.0.1 $ 12 : call-bind-apply-helpers@^1.0.1 es-errors@^1.3.0 gopd@^1.2.0
ee-first@1.1.1 9
encodeurl@1.0.2 9
encodeurl@2.0.0 9
es-define-property@1.0.1 $ 9
es-errors@1.3.0 $ 13
es-object-atoms@1.1.1 $ 12 : es-errors@^1.3.0
escape-html@1.0.3 6
etag@1.8.1 9
express@4.21.2 $ 221 ~4.17.1,4.18.2,4.19.2,4.21.1 : accepts@~1.3.8 array-flatten@1.1.1 body-parser@1.20.3 content-disposition@0.5.4 content-type@~1.0.4 cookie@0.7.1 cookie-signature@1.0.6 debug@2.6.9 depd@2.0.0 encodeurl@~2.0.0 escape-html@~1.0.3 etag@~1.8.1 finalhandler@1.3.1 fresh@0.5.2 http-errors@2.0.0 merge-descriptors@1.0.3 methods@~1.1.2 on-finished@2.4.1 parseurl@~1.3.3 path-to-regexp@0.1.12 proxy-addr@~2.0.7 qs@6.13.0 range-parser@~1.2.1 safe-buffer@5.2.1 send@0.19.0 serve-static@1.16.2 setprototypeof@1.2.0 statuses@2.0.1 type-is@~1.6.18 utils-merge@1.0.1 vary@~1.1.2
express@5.1.0 $ 75 ~5.0.1 : accepts@^2.0.0 body-parser@^2.2.0 content-disposition@^1.0.0 content-type@^1.0.5 cookie@^0.7.1 cookie-signature@^1.2.1 debug@^4.4.0 encodeurl@^2.0.0 escape-html@^1.0.3 etag@^1.8.1 finalhandler@^2.1.0 fresh@^2.0.0 http-errors@^2.0.0 merge-descriptors@^2.0.0 mime-types@^3.0.0 on-finished@^2.4.1 once@^1.4.0 parseurl@^1.3.3 proxy-addr@^2.0.7 qs@^6.14.0 range-parser@^1.2.1 router@^2.2.0 send@^1.1.0 serve-static@^2.2.0 statuses@^2.0.1 type-is@^2.0.1 vary@^1.1.2
finalhandler@1.3.1 18 : debug@2.6.9 encodeurl@~2.0.0 escape-html@~1.0.3 on-finished@2.4.1 parseurl@~1.3.3 statuses@2.0.1 unpipe@~1.0.0
finalhandler@2.1.0 17 : debug@^4.4.0 encodeurl@^2.0.0 escape-html@^1.0.3 on-finished@^2.4.1 parseurl@^1.3.3 statuses@^2.0.1
forwarded@0.2.0 8
fresh@0.5.2 10
fresh@2.0.0 10
function-bind@1.1.2 $ 32
get-intrinsic@1.3.0 $ 44 : call-bind-apply-helpers@^1.0.2 es-define-property@^1.0.1 es-errors@^1.3.0 es-object-atoms@^1.1.1 function-bind@^1.1.2 get-proto@^1.0.1 gopd@^1.2.0 has-symbols@^1.1.0 hasown@^2.0.2 math-intrinsics@^1.1.0
get-proto@1.0.1 $ 11 : dunder-proto@^1.0.1 es-object-atoms@^1.0.0
gopd@1.2.0 $ 10
has-symbols@1.1.0 $ 23
hasown@2.0.2 $ 8 : function-bind@^1.1.2
http-errors@2.0.0 18 : depd@2.0.0 inherits@2.0.4 setprototypeof@1.2.0 statuses@2.0.1 toidentifier@1.0.1
iconv-lite@0.4.24 336 : safer-buffer@>=2.1.2
iconv-lite@0.6.3 336 : safer-buffer@>=2.1.2
inherits@2.0.4 4
ipaddr.js@1.9.1 38
is-promise@4.0.0 3
math-intrinsics@1.1.0 $ 21
media-typer@0.3.0 10
media-typer@1.1.0 10
merge-descriptors@1.0.3 $ 5
merge-descriptors@2.0.0 $ 5
methods@1.1.2 5
mime@1.6.0 144 bin=mime:cli.js
mime-db@1.52.0 205
mime-db@1.54.0 226
mime-types@2.1.35 18 : mime-db@1.52.0
mime-types@3.0.1 22 : mime-db@^1.54.0
ms@2.0.0 5
ms@2.1.3 6
negotiator@0.6.3 28
negotiator@1.0.0 28
object-inspect@1.13.4 $ 100
on-finished@2.4.1 13 : ee-first@1.1.1
once@1.4.0 5 : wrappy@1
parseurl@1.3.3 10
path-to-regexp@0.1.12 6 ~0.1.10
path-to-regexp@8.2.0 $ 32
proxy-addr@2.0.7 14 : forwarded@0.2.0 ipaddr.js@1.9.1
qs@6.13.0 $ 250 : side-channel@^1.0.6
qs@6.14.0 $ 260 : side-channel@^1.1.0
range-parser@1.2.1 8
raw-body@2.5.2 18 : bytes@3.1.2 http-errors@2.0.0 iconv-lite@0.4.24 unpipe@1.0.0
raw-body@3.0.0 18 : bytes@3.1.2 http-errors@2.0.0 iconv-lite@0.6.3 unpipe@1.0.0
router@2.2.0 25 : debug@^4.4.0 depd@^2.0.0 is-promise@^4.0.0 parseurl@^1.3.3 path-to-regexp@^8.0.0
safe-buffer@5.2.1 $ 32
safer-buffer@2.1.2 42
send@0.19.0 49 : debug@2.6.9 depd@2.0.0 destroy@1.2.0 encodeurl@~1.0.2 escape-html@~1.0.3 etag@~1.8.1 fresh@0.5.2 http-errors@2.0.0 mime@1.6.0 ms@2.1.3 on-finished@2.4.1 range-parser@~1.2.1 statuses@2.0.1
send@1.2.0 37 : debug@^4.3.5 encodeurl@^2.0.0 escape-html@^1.0.3 etag@^1.8.1 fresh@^2.0.0 http-errors@^2.0.0 mime-types@^3.0.1 ms@^2.1.3 on-finished@^2.4.1 range-parser@^1.2.1 statuses@^2.0.1
serve-static@1.16.2 25 : encodeurl@~2.0.0 escape-html@~1.0.3 parseurl@~1.3.3 send@0.19.0
serve-static@2.2.0 24 : encodeurl@^2.0.0 escape-html@^1.0.3 parseurl@^1.3.3 send@^1.2.0
setprototypeof@1.2.0 4
side-channel@1.1.0 $ 16 : es-errors@^1.3.0 object-inspect@^1.13.3 side-channel-list@^1.0.0 side-channel-map@^1.0.1 side-channel-weakmap@^1.0.2
side-channel-list@1.0.0 $ 15 : es-errors@^1.3.0 object-inspect@^1.13.3
side-channel-map@1.0.1 $ 15 : call-bound@^1.0.2 es-errors@^1.3.0 get-intrinsic@^1.2.5 object-inspect@^1.13.3
side-channel-weakmap@1.0.2 $ 17 : call-bound@^1.0.2 es-errors@^1.3.0 get-intrinsic@^1.2.5 object-inspect@^1.13.3 side-channel-map@^1.0.1
statuses@2.0.1 10 ~2.0.2
toidentifier@1.0.1 5
type-is@1.6.18 11 : media-typer@0.3.0 mime-types@~2.1.24
type-is@2.0.1 11 : content-type@^1.0.5 media-typer@^1.1.0 mime-types@^3.0.0
unpipe@1.0.0 5
utils-merge@1.0.1 5
vary@1.1.2 5
wrappy@1.0.2 3
object-assign@4.1.1 7
cors@2.8.5 20 : object-assign@^4 vary@^1
dotenv@16.6.1 $ 80 ~16.3.1,16.4.5,16.4.7,16.5.0
dotenv@17.2.0 $ 90 ~17.0.0,17.1.0
zod@3.25.76 $ 4400 ~3.22.4,3.23.8,3.24.2,3.25.0
lodash@4.17.21 1410
typescript@5.8.3 22900 L=Apache-2.0 bin=tsc:bin/tsc,tsserver:bin/tsserver main=./lib/typescript.js ~5.3.3,5.4.5,5.5.4,5.6.3,5.7.3,5.8.2
@prisma/client@6.11.1 7600 L=Apache-2.0 main=default.js ~5.22.0,6.0.1,6.5.0,6.10.1
prisma@6.11.1 44200 L=Apache-2.0 bin=prisma:build/index.js main=build/index.js ~5.22.0,6.0.1,6.5.0,6.10.1 : @prisma/config@6.11.1 @prisma/engines@6.11.1
@prisma/config@6.11.1 780 L=Apache-2.0 : jiti@2.4.2
@prisma/debug@6.11.1 40 L=Apache-2.0
@prisma/engines@6.11.1 12900 L=Apache-2.0 : @prisma/debug@6.11.1 @prisma/engines-version@6.11.1-1.f40f79ec31188888a2e33acda0ecc8fd10a853a9 @prisma/fetch-engine@6.11.1 @prisma/get-platform@6.11.1
@prisma/engines-version@6.11.1-1.f40f79ec31188888a2e33acda0ecc8fd10a853a9 9 L=Apache-2.0
@prisma/fetch-engine@6.11.1 1100 L=Apache-2.0 : @prisma/debug@6.11.1 @prisma/engines-version@6.11.1-1.f40f79ec31188888a2e33acda0ecc8fd10a853a9 @prisma/get-platform@6.11.1
@prisma/get-platform@6.11.1 300 L=Apache-2.0 : @prisma/debug@6.11.1
jiti@2.4.2 2000 bin=jiti:lib/jiti-cli.mjs
@types/node@22.16.3 2300 types ~20.17.10,20.19.7,22.10.2,22.15.3 : undici-types@~6.21.0
@types/node@24.0.13 2300 types ~24.0.0 : undici-types@~7.8.0
undici-types@6.21.0 84
undici-types@7.8.0 86
@types/express@4.17.23 9 types ~4.17.21 : @types/body-parser@* @types/express-serve-static-core@^4.17.33 @types/qs@* @types/serve-static@*
@types/express@5.0.3 8 types ~5.0.0 : @types/body-parser@* @types/express-serve-static-core@^5.0.0 @types/serve-static@*
@types/express-serve-static-core@4.19.6 55 types : @types/node@* @types/qs@* @types/range-parser@* @types/send@*
@types/express-serve-static-core@5.0.7 55 types : @types/node@* @types/qs@* @types/range-parser@* @types/send@*
@types/body-parser@1.19.6 6 types : @types/connect@* @types/node@*
@types/connect@3.4.38 5 types : @types/node@*
@types/serve-static@1.15.8 6 types : @types/http-errors@* @types/node@* @types/send@*
@types/send@0.17.5 5 types : @types/mime@^1 @types/node@*
@types/mime@1.3.5 4 types
@types/qs@6.14.0 19 types
@types/range-parser@1.2.7 4 types
@types/http-errors@2.0.5 4 types
@types/cors@2.8.19 6 types : @types/node@*
@types/jsonwebtoken@9.0.10 10 types : @types/ms@* @types/node@*
@types/ms@2.1.0 5 types
@types/bcrypt@5.0.2 5 types : @types/node@*
bcrypt@6.0.0 110 : node-addon-api@^8.3.0 node-gyp-build@^4.8.4
bcrypt@5.1.1 1100 : @mapbox/node-pre-gyp@^1.0.11 node-addon-api@^5.0.0
node-addon-api@8.4.0 280
node-addon-api@5.1.0 290
node-gyp-build@4.8.4 14 bin=node-gyp-build:bin.js,node-gyp-build-optional:optional.js,node-gyp-build-test:build-test.js
@mapbox/node-pre-gyp@1.0.11 75 L=BSD-3-Clause bin=node-pre-gyp:bin/node-pre-gyp : detect-libc@^2.0.0 semver@^7.3.5 tar@^6.1.11
detect-libc@2.0.4 13 L=Apache-2.0
semver@7.7.2 95 L=ISC bin=semver:bin/semver.js
tar@6.2.1 160 L=ISC : chownr@^2.0.0 minipass@^5.0.0 mkdirp@^1.0.3 yallist@^4.0.0
chownr@2.0.0 6 L=ISC
minipass@5.0.0 55 L=ISC
mkdirp@1.0.4 20 bin=mkdirp:bin/cmd.js
yallist@4.0.0 15 L=ISC
jsonwebtoken@9.0.2 43 : jws@^3.2.2 lodash.includes@^4.3.0 lodash.isboolean@^3.0.3 lodash.isinteger@^4.0.4 lodash.isnumber@^3.0.3 lodash.isplainobject@^4.0.6 lodash.isstring@^4.0.1 lodash.once@^4.0.0 ms@^2.1.1 semver@^7.5.4
jws@3.2.2 27 : jwa@^1.4.1 safe-buffer@^5.0.1
jwa@1.4.2 14 : buffer-equal-constant-time@^1.0.1 ecdsa-sig-formatter@1.0.11 safe-buffer@^5.0.1
buffer-equal-constant-time@1.0.1 5 L=BSD-3-Clause
ecdsa-sig-formatter@1.0.11 17 L=Apache-2.0 : safe-buffer@^5.0.1
lodash.includes@4.3.0 16
lodash.isboolean@3.0.3 5
lodash.isinteger@4.0.4 15
lodash.isnumber@3.0.3 5
lodash.isplainobject@4.0.6 8
lodash.isstring@4.0.1 5
lodash.once@4.1.1 9
axios@1.10.0 $ 2200 ~1.6.8,1.7.9,1.8.4,1.9.0 : follow-redirects@^1.15.6 form-data@^4.0.0 proxy-from-env@^1.1.0
follow-redirects@1.15.9 $ 29
proxy-from-env@1.1.0 11
form-data@4.0.3 55 : asynckit@^0.4.0 combined-stream@^1.0.8 es-set-tostringtag@^2.1.0 hasown@^2.0.2 mime-types@^2.1.12
asynckit@0.4.0 28
combined-stream@1.0.8 11 : delayed-stream@~1.0.0
delayed-stream@1.0.0 10
es-set-tostringtag@2.1.0 $ 12 : es-errors@^1.3.0 get-intrinsic@^1.2.6 has-tostringtag@^1.0.2 hasown@^2.0.2
has-tostringtag@1.0.2 $ 13 : has-symbols@^1.0.3
mongodb@6.17.0 3900 L=Apache-2.0 ~6.3.0,6.8.0,6.10.0,6.12.0,6.15.0,6.16.0 : @mongodb-js/saslprep@^1.1.9 bson@^6.10.4 mongodb-connection-string-url@^3.0.0
@mongodb-js/saslprep@1.3.0 120 : sparse-bitfield@^3.0.3
sparse-bitfield@3.0.3 7 : memory-pager@^1.0.2
memory-pager@1.5.0 8
bson@6.10.4 2600 L=Apache-2.0
mongodb-connection-string-url@3.0.2 40 L=Apache-2.0 : @types/whatwg-url@^11.0.2 whatwg-url@^14.1.0
@types/whatwg-url@11.0.5 10 types : @types/webidl-conversions@*
@types/webidl-conversions@7.0.3 6 types
whatwg-url@14.2.0 100 : tr46@^5.1.0 webidl-conversions@^7.0.0
tr46@5.1.1 230 : punycode@^2.3.1
punycode@2.3.1 32
webidl-conversions@7.0.0 25 L=BSD-2-Clause
mongoose@8.16.3 2700 ~7.6.3,8.0.3,8.4.0,8.9.5,8.13.2,8.15.1 : bson@^6.10.4 kareem@2.6.3 mongodb@~6.17.0 mpath@0.9.0 mquery@5.0.0 ms@2.1.3 sift@17.1.3
cluster-key-slot@1.1.2 15 L=Apache-2.0
generic-pool@3.9.0 31
@redis/bloom@1.2.0 23
@redis/bloom@5.6.0 44
@redis/client@1.6.1 890 : cluster-key-slot@1.1.2 generic-pool@3.9.0 yallist@4.0.0
@redis/client@5.6.0 1900 : cluster-key-slot@1.1.2
@redis/graph@1.1.1 45
@redis/json@1.0.7 20
@redis/json@5.6.0 36
@redis/search@1.2.0 83
@redis/search@5.6.0 150
@redis/time-series@1.1.0 38
@redis/time-series@5.6.0 64
redis@4.7.1 main=dist/index.js 8 ~4.6.13,4.7.0 : @redis/bloom@1.2.0 @redis/client@1.6.1 @redis/graph@1.1.1 @redis/json@1.0.7 @redis/search@1.2.0 @redis/time-series@1.1.0
redis@5.6.0 main=dist/index.js 11 ~5.0.1,5.5.6 : @redis/bloom@5.6.0 @redis/client@5.6.0 @redis/json@5.6.0 @redis/search@5.6.0 @redis/time-series@5.6.0
kareem@2.6.3 L=Apache-2.0 32
mpath@0.9.0 30
mquery@5.0.0 55 : debug@4.x
sift@17.1.3 200
nodemon@3.1.10 $ 220 bin=nodemon:bin/nodemon.js ~3.0.3,3.1.0,3.1.4,3.1.9 : chokidar@^3.5.2 debug@^4 ignore-by-default@^1.0.1 minimatch@^3.1.2 pstree.remy@^1.1.8 semver@^7.5.3 simple-update-notifier@^2.0.0 supports-color@^5.5.0 touch@^3.1.0 undefsafe@^2.0.5
chokidar@3.6.0 $ 90 : anymatch@~3.1.2 braces@~3.0.2 glob-parent@~5.1.2 is-binary-path@~2.1.0 is-glob@~4.0.1 normalize-path@~3.0.0 readdirp@~3.6.0
anymatch@3.1.3 L=ISC 9 : normalize-path@^3.0.0 picomatch@^2.0.4
braces@3.0.3 40 : fill-range@^7.1.1
fill-range@7.1.1 17 : to-regex-range@^5.0.1
to-regex-range@5.0.1 34 : is-number@^7.0.0
is-number@7.0.0 9
glob-parent@5.1.2 L=ISC 8 : is-glob@^4.0.1
is-glob@4.0.3 11 : is-extglob@^2.1.1
is-extglob@2.1.1 7
is-binary-path@2.1.0 4 : binary-extensions@^2.0.0
binary-extensions@2.3.0 6
normalize-path@3.0.0 9
readdirp@3.6.0 17 : picomatch@^2.2.1
picomatch@2.3.1 90
picomatch@4.0.2 85
ignore-by-default@1.0.1 L=ISC 4
minimatch@3.1.2 L=ISC 33 : brace-expansion@^1.1.7
brace-expansion@1.1.12 11 : balanced-match@^1.0.0 concat-map@0.0.1
balanced-match@1.0.2 7
concat-map@0.0.1 6
pstree.remy@1.1.8 10
simple-update-notifier@2.0.0 10 : semver@^7.5.3
supports-color@5.5.0 6 : has-flag@^3.0.0
has-flag@3.0.0 5
supports-color@7.2.0 7 : has-flag@^4.0.0
has-flag@4.0.0 5
touch@3.1.1 L=ISC 8 bin=nodetouch:bin/nodetouch.js
undefsafe@2.0.5 8
ts-node@10.9.2 850 bin=ts-node:dist/bin.js,ts-node-cwd:dist/bin-cwd.js,ts-node-esm:dist/bin-esm.js,ts-node-script:dist/bin-script.js,ts-node-transpile-only:dist/bin-transpile.js,ts-script:dist/bin-script-deprecated.js : @cspotcode/source-map-support@^0.8.0 @tsconfig/node10@^1.0.7 @tsconfig/node12@^1.0.7 @tsconfig/node14@^1.0.0 @tsconfig/node16@^1.0.2 acorn@^8.4.1 acorn-walk@^8.1.1 arg@^4.1.0 create-require@^1.1.0 diff@^4.0.1 make-error@^1.1.1 v8-compile-cache-lib@^3.0.1 yn@3.1.1
@cspotcode/source-map-support@0.8.1 60 : @jridgewell/trace-mapping@0.3.9
@jridgewell/trace-mapping@0.3.9 70 : @jridgewell/resolve-uri@^3.0.3 @jridgewell/sourcemap-codec@^1.4.10
@jridgewell/resolve-uri@3.1.2 60
@jridgewell/sourcemap-codec@1.5.4 80
@tsconfig/node10@1.0.11 2
@tsconfig/node12@1.0.11 2
@tsconfig/node14@1.0.3 2
@tsconfig/node16@1.0.4 2
acorn@8.15.0 550 bin=acorn:bin/acorn
acorn-walk@8.3.4 50 : acorn@^8.11.0
arg@4.1.3 13
create-require@1.1.1 6
diff@4.0.2 L=BSD-3-Clause 380
make-error@1.3.6 L=ISC 11
v8-compile-cache-lib@3.0.1 30
yn@3.1.1 6
tsx@4.20.3 $ 750 bin=tsx:dist/cli.mjs ~4.7.2,4.15.7,4.19.2,4.19.4 : esbuild@~0.25.0 get-tsconfig@^4.7.5
esbuild@0.25.6 140 bin=esbuild:bin/esbuild : @esbuild/linux-x64@0.25.6
@esbuild/linux-x64@0.25.6 10300
get-tsconfig@4.10.1 $ 50 : resolve-pkg-maps@^1.0.0
resolve-pkg-maps@1.0.0 $ 10
vite@7.0.4 $ 2200 bin=vite:bin/vite.js ~5.4.19,6.3.5,7.0.0 : esbuild@^0.25.0 fdir@^6.4.6 picomatch@^4.0.2 postcss@^8.5.6 rollup@^4.40.0 tinyglobby@^0.2.14
fdir@6.4.6 40
postcss@8.5.6 $ 200 : nanoid@^3.3.11 picocolors@^1.1.1 source-map-js@^1.2.1
nanoid@3.3.11 12 bin=nanoid:bin/nanoid.cjs
picocolors@1.1.1 L=ISC 6
source-map-js@1.2.1 L=BSD-3-Clause 100
rollup@4.45.0 2700 bin=rollup:dist/bin/rollup : @types/estree@1.0.8 @rollup/rollup-linux-x64-gnu@4.45.0
@rollup/rollup-linux-x64-gnu@4.45.0 2600
@types/estree@1.0.8 types 7
tinyglobby@0.2.14 $ 20 : fdir@^6.4.4 picomatch@^4.0.2
react@19.1.0 170 ~18.2.0,18.3.1,19.0.0
react-dom@19.1.0 6900 ~18.2.0,18.3.1,19.0.0 : scheduler@^0.26.0
scheduler@0.26.0 90
next@15.4.1 130000 bin=next:dist/bin/next ~14.2.30,15.0.4,15.3.5 : @next/env@15.4.1 @swc/helpers@0.5.15 caniuse-lite@^1.0.30001579 postcss@8.4.31 styled-jsx@5.1.6 @next/swc-linux-x64-gnu@15.4.1 sharp@^0.34.3
@next/env@15.4.1 40
@swc/helpers@0.5.15 L=Apache-2.0 200 : tslib@^2.8.0
tslib@2.8.1 L=0BSD 85
caniuse-lite@1.0.30001727 L=CC-BY-4.0 2400
postcss@8.4.31 $ 200 : nanoid@^3.3.6 picocolors@^1.0.0 source-map-js@^1.0.2
styled-jsx@5.1.6 1000 : client-only@0.0.1
client-only@0.0.1 2
@next/swc-linux-x64-gnu@15.4.1 135000
sharp@0.34.3 L=Apache-2.0 $ 530 : color@^4.2.3 detect-libc@^2.0.4 semver@^7.7.2 @img/sharp-linux-x64@0.34.3 @img/sharp-libvips-linux-x64@1.2.0
color@4.2.3 25 : color-convert@^2.0.1 color-string@^1.9.0
color-convert@2.0.1 26 : color-name@~1.1.4
color-name@1.1.4 6
color-string@1.9.1 11 : color-name@^1.0.0 simple-swizzle@^0.2.2
simple-swizzle@0.2.2 4 : is-arrayish@^0.3.1
is-arrayish@0.3.2 5
@img/sharp-linux-x64@0.34.3 L=Apache-2.0 560 : @img/sharp-libvips-linux-x64@1.2.0
@img/sharp-libvips-linux-x64@1.2.0 L=LGPL-3.0-or-later 16000
prettier@3.6.2 $ 8300 bin=prettier:bin/prettier.cjs ~3.2.5,3.3.3,3.4.2,3.5.3
eslint@9.31.0 $ 3300 bin=eslint:bin/eslint.js ~8.57.1,9.0.0,9.20.1,9.28.0 : @eslint-community/eslint-utils@^4.2.0 @eslint-community/regexpp@^4.12.1 @eslint/config-array@^0.21.0 @eslint/config-helpers@^0.3.0 @eslint/core@^0.15.0 @eslint/eslintrc@^3.3.1 @eslint/js@9.31.0 @eslint/plugin-kit@^0.3.1 @humanfs/node@^0.16.6 @humanwhocodes/module-importer@^1.0.1 @humanwhocodes/retry@^0.4.2 @types/estree@^1.0.6 @types/json-schema@^7.0.15 ajv@^6.12.4 chalk@^4.0.0 cross-spawn@^7.0.6 debug@^4.3.2 escape-string-regexp@^4.0.0 eslint-scope@^8.4.0 eslint-visitor-keys@^4.2.1 espree@^10.4.0 esquery@^1.5.0 esutils@^2.0.2 fast-deep-equal@^3.1.3 file-entry-cache@^8.0.0 find-up@^5.0.0 glob-parent@^6.0.2 ignore@^5.2.0 imurmurhash@^0.1.4 is-glob@^4.0.0 json-stable-stringify-without-jsonify@^1.0.1 lodash.merge@^4.6.2 minimatch@^3.1.2 natural-compare@^1.4.0 optionator@^0.9.3
@eslint-community/eslint-utils@4.7.0 400 : eslint-visitor-keys@^3.4.3
@eslint-community/regexpp@4.12.1 420
@eslint/config-array@0.21.0 L=Apache-2.0 150 : @eslint/object-schema@^2.1.6 debug@^4.3.1 minimatch@^3.1.2
@eslint/object-schema@2.1.6 L=Apache-2.0 60
@eslint/config-helpers@0.3.0 L=Apache-2.0 20
@eslint/core@0.15.1 L=Apache-2.0 60 : @types/json-schema@^7.0.15
@eslint/eslintrc@3.3.1 $ 250 : ajv@^6.12.4 debug@^4.3.2 espree@^10.0.1 globals@^14.0.0 ignore@^5.2.0 import-fresh@^3.2.1 js-yaml@^4.1.0 minimatch@^3.1.2 strip-json-comments@^3.1.1
@eslint/js@9.31.0 $ 15
@eslint/plugin-kit@0.3.3 L=Apache-2.0 50 : @eslint/core@^0.15.1 levn@^0.4.1
@humanfs/node@0.16.6 L=Apache-2.0 40 : @humanfs/core@^0.19.1 @humanwhocodes/retry@^0.3.0
@humanfs/core@0.19.1 L=Apache-2.0 30
@humanwhocodes/module-importer@1.0.1 L=Apache-2.0 10
@humanwhocodes/retry@0.4.3 L=Apache-2.0 30
@humanwhocodes/retry@0.3.1 L=Apache-2.0 30
@types/json-schema@7.0.15 types 31
ajv@6.12.6 $ 1000 : fast-deep-equal@^3.1.1 fast-json-stable-stringify@^2.0.0 json-schema-traverse@^0.4.1 uri-js@^4.2.2
fast-deep-equal@3.1.3 12
fast-json-stable-stringify@2.1.0 17
json-schema-traverse@0.4.1 19
uri-js@4.4.1 L=BSD-2-Clause 490 : punycode@^2.1.0
chalk@4.1.2 $ 26 : ansi-styles@^4.1.0 supports-color@^7.1.0
ansi-styles@4.3.0 $ 17 : color-convert@^2.0.1
cross-spawn@7.0.6 16 : path-key@^3.1.0 shebang-command@^2.0.0 which@^2.0.1
path-key@3.1.1 5
shebang-command@2.0.0 4 : shebang-regex@^3.0.0
shebang-regex@3.0.0 3
which@2.0.2 L=ISC 9 bin=node-which:bin/node-which : isexe@^2.0.0
isexe@2.0.0 L=ISC 9
escape-string-regexp@4.0.0 $ 5
eslint-scope@8.4.0 L=BSD-2-Clause 90 : esrecurse@^4.3.0 estraverse@^5.2.0
esrecurse@4.3.0 L=BSD-2-Clause 10 : estraverse@^5.2.0
estraverse@5.3.0 L=BSD-2-Clause 30
eslint-visitor-keys@4.2.1 L=Apache-2.0 15
eslint-visitor-keys@3.4.3 L=Apache-2.0 15
espree@10.4.0 L=BSD-2-Clause 70 : acorn@^8.15.0 acorn-jsx@^5.3.2 eslint-visitor-keys@^4.2.1
acorn-jsx@5.3.2 18
esquery@1.6.0 L=BSD-3-Clause 450 : estraverse@^5.1.0
esutils@2.0.3 L=BSD-2-Clause 20
file-entry-cache@8.0.0 10 : flat-cache@^4.0.0
flat-cache@4.0.1 20 : flatted@^3.2.9 keyv@^4.5.4
flatted@3.3.3 L=ISC 35
keyv@4.5.4 20 : json-buffer@3.0.1
json-buffer@3.0.1 5
find-up@5.0.0 $ 10 : locate-path@^6.0.0 path-exists@^4.0.0
locate-path@6.0.0 $ 7 : p-locate@^5.0.0
p-locate@5.0.0 $ 7 : p-limit@^3.0.2
p-limit@3.1.0 $ 8 : yocto-queue@^0.1.0
yocto-queue@0.1.0 $ 7
path-exists@4.0.0 5
glob-parent@6.0.2 L=ISC 8 : is-glob@^4.0.3
ignore@5.3.2 60
imurmurhash@0.1.4 10
json-stable-stringify-without-jsonify@1.0.1 12
lodash.merge@4.6.2 55
natural-compare@1.4.0 5
optionator@0.9.4 50 : deep-is@^0.1.3 fast-levenshtein@^2.0.6 levn@^0.4.1 prelude-ls@^1.2.1 type-check@^0.4.0 word-wrap@^1.2.5
deep-is@0.1.4 8
fast-levenshtein@2.0.6 8
levn@0.4.1 27 : prelude-ls@^1.2.1 type-check@~0.4.0
prelude-ls@1.2.1 35
type-check@0.4.0 20 : prelude-ls@^1.2.1
word-wrap@1.2.5 10
globals@14.0.0 $ 110
import-fresh@3.3.1 $ 10 : parent-module@^1.0.0 resolve-from@^4.0.0
parent-module@1.0.1 4 : callsites@^3.0.0
callsites@3.1.0 $ 9
resolve-from@4.0.0 6
js-yaml@4.1.0 400 bin=js-yaml:bin/js-yaml.js : argparse@^2.0.1
argparse@2.0.1 L=Python-2.0 150
strip-json-comments@3.1.1 $ 8
jest@30.0.4 $ 8 bin=jest:bin/jest.js ~29.7.0,30.0.0 : @jest/core@30.0.4 @jest/types@30.0.1 import-local@^3.2.0 jest-cli@30.0.4
@jest/core@30.0.4 200 : @jest/console@30.0.4 @jest/pattern@30.0.1 @jest/reporters@30.0.4 @jest/test-result@30.0.4 @jest/transform@30.0.4 @jest/types@30.0.1 @types/node@* ansi-escapes@^4.3.2 chalk@^4.1.2 ci-info@^4.2.0 exit-x@^0.2.2 graceful-fs@^4.2.11 jest-changed-files@30.0.2 jest-config@30.0.4 jest-haste-map@30.0.2 jest-message-util@30.0.2 jest-regex-util@30.0.1 jest-resolve@30.0.2 jest-runner@30.0.4 jest-runtime@30.0.4 jest-snapshot@30.0.4 jest-util@30.0.2 jest-validate@30.0.2 jest-watcher@30.0.4 micromatch@^4.0.8 pretty-format@30.0.2 slash@^3.0.0
@jest/console@30.0.4 30 : @jest/types@30.0.1 chalk@^4.1.2 jest-message-util@30.0.2 jest-util@30.0.2 slash@^3.0.0
@jest/pattern@30.0.1 10 : @types/node@* jest-regex-util@30.0.1
@jest/reporters@30.0.4 120 : @jest/console@30.0.4 @jest/test-result@30.0.4 @jest/transform@30.0.4 @jest/types@30.0.1 chalk@^4.1.2 collect-v8-coverage@^1.0.2 exit-x@^0.2.2 glob@^10.3.10 graceful-fs@^4.2.11 istanbul-lib-coverage@^3.0.0 jest-message-util@30.0.2 jest-util@30.0.2 jest-worker@30.0.2 slash@^3.0.0 string-length@^4.0.2 v8-to-istanbul@^9.0.1
@jest/test-result@30.0.4 20 : @jest/console@30.0.4 @jest/types@30.0.1 collect-v8-coverage@^1.0.2
@jest/transform@30.0.4 60 : @babel/core@^7.27.4 @jest/types@30.0.1 babel-plugin-istanbul@^7.0.0 chalk@^4.1.2 convert-source-map@^2.0.0 fast-json-stable-stringify@^2.1.0 graceful-fs@^4.2.11 jest-haste-map@30.0.2 jest-regex-util@30.0.1 jest-util@30.0.2 micromatch@^4.0.8 pirates@^4.0.7 slash@^3.0.0 write-file-atomic@^5.0.1
@jest/types@30.0.1 40 : @jest/pattern@30.0.1 @jest/schemas@30.0.1 @types/istanbul-lib-coverage@^2.0.6 @types/istanbul-reports@^3.0.4 @types/node@* @types/yargs@^17.0.33 chalk@^4.1.2
@jest/schemas@30.0.1 10 : @sinclair/typebox@^0.34.0
@sinclair/typebox@0.34.37 2000
@types/istanbul-lib-coverage@2.0.6 types 5
@types/istanbul-reports@3.0.4 types 5 : @types/istanbul-lib-report@*
@types/istanbul-lib-report@3.0.3 types 5 : @types/istanbul-lib-coverage@*
@types/yargs@17.0.33 types 30 : @types/yargs-parser@*
@types/yargs-parser@21.0.3 types 10
import-local@3.2.0 $ 8 bin=import-local-fixture:fixtures/cli.js : pkg-dir@^4.2.0 resolve-cwd@^3.0.0
pkg-dir@4.2.0 5 : find-up@^4.0.0
find-up@4.1.0 $ 9 : locate-path@^5.0.0 path-exists@^4.0.0
locate-path@5.0.0 6 : p-locate@^4.1.0
p-locate@4.1.0 $ 7 : p-limit@^2.2.0
p-limit@2.3.0 $ 8 : p-try@^2.0.0
p-try@2.2.0 5
resolve-cwd@3.0.0 4 : resolve-from@^5.0.0
resolve-from@5.0.0 6
jest-cli@30.0.4 40 bin=jest:bin/jest.js : @jest/core@30.0.4 @jest/test-result@30.0.4 @jest/types@30.0.1 chalk@^4.1.2 exit-x@^0.2.2 import-local@^3.2.0 jest-config@30.0.4 jest-util@30.0.2 jest-validate@30.0.2 yargs@^17.7.2
jest-changed-files@30.0.2 15 : execa@^5.1.1 jest-util@30.0.2 p-limit@^3.1.0
jest-config@30.0.4 90 : @babel/core@^7.27.4 @jest/get-type@30.0.1 @jest/pattern@30.0.1 @jest/test-sequencer@30.0.4 @jest/types@30.0.1 babel-jest@30.0.4 chalk@^4.1.2 ci-info@^4.2.0 deepmerge@^4.3.1 glob@^10.3.10 graceful-fs@^4.2.11 jest-circus@30.0.4 jest-docblock@30.0.1 jest-environment-node@30.0.4 jest-regex-util@30.0.1 jest-resolve@30.0.2 jest-runner@30.0.4 jest-util@30.0.2 jest-validate@30.0.2 micromatch@^4.0.8 parse-json@^5.2.0 pretty-format@30.0.2 slash@^3.0.0 strip-json-comments@^3.1.1
jest-haste-map@30.0.2 70 : @jest/types@30.0.1 @types/node@* anymatch@^3.1.3 fb-watchman@^2.0.2 graceful-fs@^4.2.11 jest-regex-util@30.0.1 jest-util@30.0.2 jest-worker@30.0.2 micromatch@^4.0.8 walker@^1.0.8
jest-message-util@30.0.2 30 : @babel/code-frame@^7.27.1 @jest/types@30.0.1 @types/stack-utils@^2.0.3 chalk@^4.1.2 graceful-fs@^4.2.11 micromatch@^4.0.8 pretty-format@30.0.2 slash@^3.0.0 stack-utils@^2.0.6
jest-regex-util@30.0.1 8
jest-resolve@30.0.2 40 : chalk@^4.1.2 graceful-fs@^4.2.11 jest-haste-map@30.0.2 jest-pnp-resolver@^1.2.3 jest-util@30.0.2 jest-validate@30.0.2 slash@^3.0.0 unrs-resolver@^1.7.11
jest-runner@30.0.4 40 : @jest/console@30.0.4 @jest/environment@30.0.4 @jest/test-result@30.0.4 @jest/transform@30.0.4 @jest/types@30.0.1 @types/node@* chalk@^4.1.2 emittery@^0.13.1 exit-x@^0.2.2 graceful-fs@^4.2.11 jest-docblock@30.0.1 jest-environment-node@30.0.4 jest-haste-map@30.0.2 jest-leak-detector@30.0.2 jest-message-util@30.0.2 jest-resolve@30.0.2 jest-runtime@30.0.4 jest-util@30.0.2 jest-watcher@30.0.4 jest-worker@30.0.2 p-limit@^3.1.0 source-map-support@0.5.13
jest-runtime@30.0.4 70 : @jest/environment@30.0.4 @jest/fake-timers@30.0.4 @jest/globals@30.0.4 @jest/source-map@30.0.1 @jest/test-result@30.0.4 @jest/transform@30.0.4 @jest/types@30.0.1 @types/node@* chalk@^4.1.2 cjs-module-lexer@^2.1.0 collect-v8-coverage@^1.0.2 glob@^10.3.10 graceful-fs@^4.2.11 jest-haste-map@30.0.2 jest-message-util@30.0.2 jest-mock@30.0.2 jest-regex-util@30.0.1 jest-resolve@30.0.2 jest-snapshot@30.0.4 jest-util@30.0.2 slash@^3.0.0 strip-bom@^4.0.0
jest-snapshot@30.0.4 70 : @babel/core@^7.27.4 @babel/generator@^7.27.5 @babel/plugin-syntax-jsx@^7.27.1 @babel/plugin-syntax-typescript@^7.27.1 @babel/types@^7.27.3 @jest/expect-utils@30.0.4 @jest/get-type@30.0.1 @jest/snapshot-utils@30.0.4 @jest/transform@30.0.4 @jest/types@30.0.1 babel-preset-current-node-syntax@^1.1.0 chalk@^4.1.2 expect@30.0.4 graceful-fs@^4.2.11 jest-diff@30.0.4 jest-matcher-utils@30.0.4 jest-message-util@30.0.2 jest-util@30.0.2 pretty-format@30.0.2 semver@^7.7.2 synckit@^0.11.8
jest-util@30.0.2 40 : @jest/types@30.0.1 @types/node@* chalk@^4.1.2 ci-info@^4.2.0 graceful-fs@^4.2.11 picomatch@^4.0.2
jest-validate@30.0.2 30 : @jest/get-type@30.0.1 @jest/types@30.0.1 camelcase@^6.3.0 chalk@^4.1.2 leven@^3.1.0 pretty-format@30.0.2
jest-watcher@30.0.4 30 : @jest/test-result@30.0.4 @jest/types@30.0.1 @types/node@* ansi-escapes@^4.3.2 chalk@^4.1.2 emittery@^0.13.1 jest-util@30.0.2 string-length@^4.0.2
jest-worker@30.0.2 40 : @types/node@* @ungap/structured-clone@^1.3.0 jest-util@30.0.2 merge-stream@^2.0.0 supports-color@^8.1.1
supports-color@8.1.1 $ 8 : has-flag@^4.0.0
pretty-format@30.0.2 60 : @jest/schemas@30.0.1 ansi-styles@^5.2.0 react-is@^18.3.1
ansi-styles@5.2.0 $ 17
react-is@18.3.1 20
micromatch@4.0.8 55 : braces@^3.0.3 picomatch@^2.3.1
slash@3.0.0 4
ansi-escapes@4.3.2 $ 15 : type-fest@^0.21.3
type-fest@0.21.3 L=(MIT OR CC0-1.0) 120
ci-info@4.3.0 $ 40
exit-x@0.2.2 8
graceful-fs@4.2.11 L=ISC 32
@babel/core@7.28.0 1600 : @ampproject/remapping@^2.2.0 @babel/code-frame@^7.27.1 @babel/generator@^7.28.0 @babel/helper-compilation-targets@^7.27.2 @babel/helpers@^7.27.6 @babel/parser@^7.28.0 @babel/template@^7.27.2 @babel/traverse@^7.28.0 @babel/types@^7.28.0 convert-source-map@^2.0.0 debug@^4.1.0 gensync@^1.0.0-beta.2 json5@^2.2.3 semver@^6.3.1
@ampproject/remapping@2.3.0 L=Apache-2.0 60 : @jridgewell/gen-mapping@^0.3.5 @jridgewell/trace-mapping@^0.3.24
@jridgewell/gen-mapping@0.3.12 80 : @jridgewell/sourcemap-codec@^1.5.0 @jridgewell/trace-mapping@^0.3.24
@jridgewell/trace-mapping@0.3.29 150 : @jridgewell/resolve-uri@^3.1.0 @jridgewell/sourcemap-codec@^1.4.14
@babel/code-frame@7.27.1 20 : @babel/helper-validator-identifier@^7.27.1 js-tokens@^4.0.0 picocolors@^1.1.1
@babel/helper-validator-identifier@7.27.1 50
js-tokens@4.0.0 14
@babel/generator@7.28.0 230 : @babel/parser@^7.28.0 @babel/types@^7.28.0 @jridgewell/gen-mapping@^0.3.12 @jridgewell/trace-mapping@^0.3.28 jsesc@^3.0.2
@babel/parser@7.28.0 1900 bin=parser:bin/babel-parser.js : @babel/types@^7.28.0
@babel/types@7.28.1 2400 : @babel/helper-string-parser@^7.27.1 @babel/helper-validator-identifier@^7.27.1
@babel/helper-string-parser@7.27.1 20
@babel/helper-compilation-targets@7.27.2 40 : @babel/compat-data@^7.27.2 @babel/helper-validator-option@^7.27.1 browserslist@^4.24.0 lru-cache@^5.1.1 semver@^6.3.1
@babel/compat-data@7.28.0 90
@babel/helper-validator-option@7.27.1 20
browserslist@4.25.1 $ 40 bin=browserslist:cli.js : caniuse-lite@^1.0.30001726 electron-to-chromium@^1.5.173 node-releases@^2.0.19 update-browserslist-db@^1.1.3
electron-to-chromium@1.5.182 L=ISC 170
node-releases@2.0.19 40
update-browserslist-db@1.1.3 $ 20 bin=update-browserslist-db:cli.js : escalade@^3.2.0 picocolors@^1.1.1
escalade@3.2.0 10
lru-cache@5.1.1 L=ISC 15 : yallist@^3.0.2
yallist@3.1.1 L=ISC 13
semver@6.3.1 L=ISC 70 bin=semver:bin/semver.js
@babel/helpers@7.27.6 300 : @babel/template@^7.27.2 @babel/types@^7.27.6
@babel/template@7.27.2 60 : @babel/code-frame@^7.27.1 @babel/parser@^7.27.2 @babel/types@^7.27.1
@babel/traverse@7.28.0 480 : @babel/code-frame@^7.27.1 @babel/generator@^7.28.0 @babel/helper-globals@^7.28.0 @babel/parser@^7.28.0 @babel/template@^7.27.2 @babel/types@^7.28.0 debug@^4.3.1
@babel/helper-globals@7.28.0 10
convert-source-map@2.0.0 10
gensync@1.0.0-beta.2 30
json5@2.2.3 230 bin=json5:lib/cli.js
jsesc@3.1.0 50 bin=jsesc:bin/jsesc
`;

/** npm prints these when it installs the version (`npm warn deprecated name@version: message`). */
export const DEPRECATED: Readonly<Record<string, string>> = {};
