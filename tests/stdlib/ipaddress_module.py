# ipaddress: addresses, networks and interfaces of both versions, their properties, arithmetic,
# ordering, subnets/supernets, summarizing and collapsing, and CPython's errors.
import ipaddress
from ipaddress import (ip_address, ip_network, ip_interface, IPv4Address, IPv6Address,
                       IPv4Network, IPv6Network, AddressValueError, NetmaskValueError)


def show(label, thunk):
    try:
        print(label, "->", thunk())
    except Exception as e:
        print(label, "raised", type(e).__name__ + ":", e)


a = ip_address("192.168.1.10")
print(repr(a), a, a.version, int(a), a.packed, a.max_prefixlen)
print(a + 5, a - 10, a == IPv4Address("192.168.1.10"), a < IPv4Address("192.168.1.11"))
print(IPv4Address(3232235786), IPv4Address(b"\x7f\x00\x00\x01"), ip_address(1))
print(a.reverse_pointer, a.exploded, a.compressed)
print(format(a, "b"), format(a, "x"), format(a, "#X"), format(a, "_b"), format(a, "s"))
for text in ("127.0.0.1", "10.1.2.3", "172.16.0.1", "8.8.8.8", "224.0.0.1", "169.254.1.1",
             "0.0.0.0", "240.0.0.1", "255.255.255.255"):
    x = ip_address(text)
    print(text, x.is_private, x.is_global, x.is_loopback, x.is_multicast, x.is_link_local,
          x.is_unspecified, x.is_reserved)

v6 = ip_address("2001:db8::8a2e:370:7334")
print(repr(v6), v6, v6.version, v6.exploded, v6.compressed)
print(IPv6Address("2001:0db8:0000:0000:0000:0000:0000:0001"), IPv6Address("::"), IPv6Address(1))
print(IPv6Address("0:0:0:0:0:ffff:c000:280"), IPv6Address("::ffff:192.0.2.128").ipv4_mapped)
print(IPv6Address("1:0:0:1:0:0:0:1"), IPv6Address("1:0:0:0:1:0:0:0"), IPv6Address("1:2:3:4:5:6:7:0"))
print(v6.packed, len(v6.packed), int(IPv6Address("::1")), v6.reverse_pointer)
print(IPv6Address("fe80::1%eth0"), IPv6Address("fe80::1%eth0").scope_id, repr(IPv6Address("fe80::1%eth0")))
print(IPv6Address("2002:c000:204::1").sixtofour, IPv6Address("2001:0:4136:e378:8000:63bf:3fff:fdd2").teredo)
for text in ("::1", "::", "fe80::1", "fc00::1", "ff02::1", "2001:4860:4860::8888", "fec0::1"):
    x = ip_address(text)
    print(text, x.is_private, x.is_global, x.is_loopback, x.is_multicast, x.is_link_local,
          x.is_unspecified, x.is_site_local)
print(format(IPv6Address("::1"), "x"), format(IPv6Address("2001:db8::1"), "_X"))

n = ip_network("192.168.0.0/28")
print(repr(n), n, n.network_address, n.broadcast_address, n.netmask, n.hostmask, n.prefixlen)
print(n.num_addresses, n.with_prefixlen, n.with_netmask, n.with_hostmask)
print(list(n.hosts())[:3], len(list(n.hosts())), n[0], n[-1], n[3])
print(ip_address("192.168.0.5") in n, ip_address("192.168.0.20") in n, ip_address("::1") in n)
print(list(n.subnets()), list(n.subnets(prefixlen_diff=2))[:2], list(n.subnets(new_prefix=30))[-1])
print(n.supernet(), n.supernet(prefixlen_diff=4), n.supernet(new_prefix=16))
print(n.overlaps(ip_network("192.168.0.8/29")), n.overlaps(ip_network("10.0.0.0/8")))
print(n.subnet_of(ip_network("192.168.0.0/24")), n.supernet_of(ip_network("192.168.0.0/30")))
print(list(ip_network("10.0.0.0/24").address_exclude(ip_network("10.0.0.64/26"))))
print(ip_network("10.0.0.0/255.255.0.0"), ip_network("10.0.0.0/0.0.255.255"), ip_network("10.0.0.1/32"))
print(ip_network("192.168.1.5/24", strict=False), ip_network(("10.0.0.0", 8)), ip_network(167772160))
print(list(ip_network("10.0.0.0/31").hosts()), list(ip_network("10.0.0.7/32").hosts()))
print(ip_network("10.0.0.0/8").is_private, ip_network("8.8.0.0/16").is_global, n.compare_networks(ip_network("192.168.0.0/24")))
print(sorted([ip_network("10.0.1.0/24"), ip_network("10.0.0.0/24"), ip_network("10.0.0.0/16")]))
print(hash(n) == hash(ip_network("192.168.0.0/28")), n == ip_network("192.168.0.0/28"), len({n, ip_network("192.168.0.0/28")}))

n6 = ip_network("2001:db8::/126")
print(repr(n6), n6.num_addresses, n6.netmask, n6.hostmask, list(n6.hosts()), n6.broadcast_address)
print(list(ip_network("2001:db8::/64").subnets(new_prefix=66)), ip_network("2001:db8::/64").supernet())
print(ip_network("::1/128").is_loopback, ip_network("fe80::/10").is_link_local, ip_network("2001:db8::/32").is_private)
print(list(ip_network("2001:db8::/127").hosts()), ip_network("2001:db8::/32").with_netmask)

i = ip_interface("192.168.1.10/24")
print(repr(i), i, i.ip, i.network, i.netmask, i.with_prefixlen, i.with_netmask, i.with_hostmask)
print(i == ip_interface("192.168.1.10/24"), i.ip in i.network, ip_interface("10.0.0.1"))
i6 = ip_interface("2001:db8::1/64")
print(repr(i6), i6.ip, i6.network, i6.with_netmask)

print(list(ipaddress.summarize_address_range(IPv4Address("192.0.2.0"), IPv4Address("192.0.2.130"))))
print(list(ipaddress.collapse_addresses([ip_network("192.0.2.0/25"), ip_network("192.0.2.128/25"),
                                         ip_network("192.0.2.0/26")])))
print(list(ipaddress.collapse_addresses([ip_address("10.0.0.1"), ip_address("10.0.0.0")])))
print(sorted([ip_address("10.0.0.2"), ip_network("10.0.0.0/30"), ip_address("10.0.0.1")],
             key=ipaddress.get_mixed_type_key))
print(ipaddress.v4_int_to_packed(3232235521), ipaddress.v6_int_to_packed(1)[-2:])

for bad in (lambda: ip_address("256.0.0.1"), lambda: ip_address("1.2.3"), lambda: ip_address("hello"),
            lambda: IPv4Address("1.2.3.04"), lambda: IPv4Address("1.2.3.4.5"), lambda: IPv4Address(-1),
            lambda: IPv4Address(2 ** 32), lambda: IPv4Address(b"\x01\x02"), lambda: IPv4Address(""),
            lambda: IPv6Address("1:2:3:4:5:6:7:8:9"), lambda: IPv6Address("1::2::3"),
            lambda: IPv6Address("12345::"), lambda: IPv6Address(":1:2"), lambda: IPv6Address("g::"),
            lambda: ip_network("192.168.1.5/24"), lambda: ip_network("10.0.0.0/33"),
            lambda: ip_network("10.0.0.0/255.0.255.0"), lambda: ip_network("10.0.0.0/x"),
            lambda: ip_network("::/129"), lambda: ip_network("1.2.3.4/5/6"),
            lambda: ip_interface("nope"), lambda: ip_address("10.0.0.1") < ip_address("::1"),
            lambda: ip_address("10.0.0.1") + ip_address("10.0.0.1"),
            lambda: ip_address("255.255.255.255") + 1, lambda: n[16],
            lambda: list(n.subnets(prefixlen_diff=5)), lambda: n.supernet(prefixlen_diff=29),
            lambda: list(n.subnets(prefixlen_diff=2, new_prefix=30)),
            lambda: n.overlaps(ip_network("::/0")) or list(n.address_exclude(ip_network("10.0.0.0/8"))),
            lambda: list(ipaddress.collapse_addresses([ip_address("10.0.0.1"), ip_address("::1")])),
            lambda: ip_network("10.0.0.0/8").subnet_of(ip_network("::/0")),
            lambda: IPv4Network("10.0.0.0/33"), lambda: IPv4Network("10.0.0.0/255.0.255.0"),
            lambda: IPv6Network("::/x"), lambda: IPv4Network("1.2.3.4/24"),
            lambda: IPv4Network("10.0.0.0/-1"), lambda: IPv6Network("::/ 64")):
    show("bad", bad)
print(issubclass(AddressValueError, ValueError), issubclass(NetmaskValueError, ValueError))
print(AddressValueError.__module__, NetmaskValueError.__name__)
