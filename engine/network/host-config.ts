/**
 * The simulated Ubuntu 24.04 host's own network: a VM behind QEMU/VirtualBox-style user-mode NAT, the most common
 * setup for a teaching machine. Those hand the guest 10.0.2.15/24 with the gateway at 10.0.2.2 and a DNS forwarder
 * at 10.0.2.3. There is no internet beyond them: nothing answers outside the machine.
 */
export const HOST_ETH0_ADDRESS = '10.0.2.15';
export const HOST_ETH0_SUBNET = '10.0.2.0/24';
export const HOST_UPSTREAM_DNS = '10.0.2.3';

/**
 * Ubuntu's /etc/resolv.conf: a symlink to systemd-resolved's stub file (text of systemd 255, from memory of a stock
 * 24.04 install; the directives are what matter).
 */
export const HOST_STUB_RESOLV_CONF = `# This is /run/systemd/resolve/stub-resolv.conf managed by man:systemd-resolved(8).
# Do not edit.
#
# This file might be symlinked as /etc/resolv.conf. If you're looking at
# /etc/resolv.conf and seeing this text, you have followed the symlink.
#
# This is a dynamic resolv.conf file for connecting local clients to the
# internal DNS stub resolver of systemd-resolved. This file lists all
# configured search domains.
#
# Run "resolvectl status" to see details about the uplink DNS servers
# currently in use.
#
# Third party programs should typically not access this file directly, but only
# through the symlink at /etc/resolv.conf. To manage man:resolv.conf(5) in a
# different way, replace this symlink by a static file or a different symlink.
#
# See man:systemd-resolved.service(8) for details about the supported modes of
# operation for /etc/resolv.conf.

nameserver 127.0.0.53
options edns0 trust-ad
search .
`;

/**
 * systemd-resolved's list of the real upstream servers. Docker reads this one instead of /etc/resolv.conf when the
 * host's only nameserver is the 127.0.0.53 stub, which a container could not reach.
 */
export const HOST_UPSTREAM_RESOLV_CONF_PATH = '/run/systemd/resolve/resolv.conf';
export const HOST_UPSTREAM_RESOLV_CONF = `# This is /run/systemd/resolve/resolv.conf managed by man:systemd-resolved(8).
# Do not edit.
#
# This file might be symlinked as /etc/resolv.conf. If you're looking at
# /etc/resolv.conf and seeing this text, you have followed the symlink.
#
# This is a dynamic resolv.conf file for connecting local clients directly to
# all known uplink DNS servers. This file lists all configured search domains.
#
# Third party programs should typically not access this file directly, but only
# through the symlink at /etc/resolv.conf. To manage man:resolv.conf(5) in a
# different way, replace this symlink by a static file or a different symlink.
#
# See man:systemd-resolved.service(8) for details about the supported modes of
# operation for /etc/resolv.conf.

nameserver ${HOST_UPSTREAM_DNS}
search .
`;
