/**
 * Alpine 3.21 x86_64 packages that Dockerfiles add, from the main and community repositories as of mid-2025.
 * One package a line: `name version size-KiB installed-KiB [key=value | flag]...`:
 * `d=` depends (names), `b=` programs (`/usr/bin/NAME`, or a path from `/`, `:program` when the simulated program has
 * another name), `l=` symlinks `path>target`, flags `post` (a post-install script apk reports running) and `trigger`.
 * Sizes are rounded; dependency lists keep what a fresh alpine does not have. Alpine 3.20 and 3.22 images use the same
 * table (their versions differ slightly; a known simplification).
 */
export const ALPINE_3_21 = `
curl 8.12.1-r1 260 284 d=libcurl b=curl
libcurl 8.12.1-r1 371 700 d=brotli-libs,c-ares,libidn2,libpsl,nghttp2-libs,zlib,zstd-libs
brotli-libs 1.1.0-r2 339 760
c-ares 1.34.5-r0 96 232
libunistring 1.2-r0 580 1704
libidn2 2.3.7-r0 71 144 d=libunistring
libpsl 0.21.5-r3 26 88 d=libidn2
nghttp2-libs 1.64.0-r0 74 160
zstd-libs 1.5.6-r2 276 788
wget 1.25.0-r0 195 488 d=libidn2,libunistring,pcre2 b=wget
pcre2 10.43-r0 340 932
bash 5.2.37-r0 430 1296 d=readline post b=/bin/bash
readline 8.2.13-r0 113 276 d=libncursesw
libncursesw 6.5_p20241006-r3 138 332 d=ncurses-terminfo-base
ncurses-terminfo-base 6.5_p20241006-r3 20 100
git 2.47.2-r0 5316 14640 d=libcurl,libexpat,pcre2 b=git
libexpat 2.7.0-r0 76 188
ca-certificates 20241121-r1 119 692 trigger
tzdata 2025b-r0 396 1552
openssl 3.3.3-r0 343 804 b=openssl
jq 1.7.1-r0 130 320 d=oniguruma b=jq
oniguruma 6.9.9-r0 171 552
vim 9.1.1105-r0 1508 3372 d=xxd,vim-common,libncursesw,libsodium b=vim
vim-common 9.1.1105-r0 6496 33556
xxd 9.1.1105-r0 19 40 b=xxd
libsodium 1.0.20-r0 160 400
nano 8.2-r0 286 736 d=libncursesw b=nano
less 668-r0 134 276 d=libncursesw b=less
tini 0.19.0-r3 247 36 b=/sbin/tini
su-exec 0.2-r3 6 32 b=/sbin/su-exec
python3 3.12.11-r0 14080 54256 d=libbz2,libexpat,libffi,gdbm,xz-libs,mpdecimal,libpanelw,readline,sqlite-libs b=python3.12:python3 l=/usr/bin/python3>python3.12
libbz2 1.0.8-r6 33 80
libffi 3.4.7-r0 21 60
gdbm 1.24-r0 89 236
xz-libs 5.6.3-r1 159 288
mpdecimal 4.0.0-r0 120 264
libpanelw 6.5_p20241006-r3 13 32 d=libncursesw
sqlite-libs 3.48.0-r2 803 1540
py3-pip 24.3.1-r0 2488 11612 d=python3
nodejs 22.15.1-r0 13984 44232 d=ca-certificates,ada-libs,brotli-libs,c-ares,icu-libs,libbase64,libgcc,libstdc++,nghttp2-libs,simdjson,simdutf b=node
ada-libs 2.9.2-r1 290 640 d=libgcc,libstdc++
icu-libs 74.2-r0 2216 2364 d=icu-data-en
icu-data-en 74.2-r0 807 820
libbase64 0.5.2-r0 25 64
libgcc 14.2.0-r4 56 176
libstdc++ 14.2.0-r4 1020 2564 d=libgcc
simdjson 3.10.1-r0 335 936 d=libgcc,libstdc++
simdutf 5.6.4-r0 380 1264 d=libgcc,libstdc++
npm 10.9.1-r0 2356 9872 d=nodejs
build-base 0.5-r3 1 4 d=binutils,file,gcc,g++,make,libc-dev,fortify-headers,patch
binutils 2.43.1-r2 5384 10496 d=jansson,zstd-libs b=ld,as,ar
jansson 2.14-r4 22 60
file 5.46-r2 24 44 d=libmagic b=file
libmagic 5.46-r2 482 8708
gcc 14.2.0-r4 31456 124104 d=binutils,isl26,libatomic,libgomp,libgphobos,mpc1,musl-dev b=gcc l=/usr/bin/cc>gcc
g++ 14.2.0-r4 12952 41772 d=gcc,libstdc++-dev,musl-dev b=g++ l=/usr/bin/c++>g++
libstdc++-dev 14.2.0-r4 2428 19664 d=libstdc++
isl26 0.26-r1 708 1848 d=gmp
gmp 6.3.0-r2 243 420
mpc1 1.3.1-r1 46 112 d=gmp,mpfr4
mpfr4 4.2.1-r0 305 620 d=gmp
libatomic 14.2.0-r4 8 28
libgomp 14.2.0-r4 123 324
libgphobos 14.2.0-r4 1432 5284
make 4.4.1-r2 290 268 b=make
libc-dev 0.7.2-r6 1 4 d=musl-dev
musl-dev 1.2.5-r9 610 4460
fortify-headers 1.1-r5 10 88
patch 2.7.6-r10 70 144 b=patch
`;

/** Installed sizes (KiB) of the packages in the alpine base image, which its database records without sizes. */
export const BASE_INSTALLED_KIB: Readonly<Record<string, number>> = {
  'alpine-baselayout': 12, 'alpine-baselayout-data': 20, 'alpine-keys': 132, 'alpine-release': 4, 'apk-tools': 276,
  busybox: 968, 'busybox-binsh': 4, 'ca-certificates-bundle': 228, libcrypto3: 4620, libssl3: 800, musl: 648,
  'musl-utils': 144, scanelf: 84, ssl_client: 16, zlib: 104,
};
