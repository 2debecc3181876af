package input

import (
	"errors"
	"net/netip"
	"testing"
)

func TestCheckAddr(t *testing.T) {
	tests := []struct {
		addr string
		want string // kind refused, "" for allowed
	}{
		{"93.184.215.14", ""},
		{"8.8.8.8", ""},
		{"2606:4700::1111", ""},
		{"127.0.0.1", "loopback"},
		{"127.8.9.10", "loopback"},
		{"::1", "loopback"},
		{"::ffff:127.0.0.1", "loopback"},
		{"10.1.2.3", "private"},
		{"172.16.0.1", "private"},
		{"172.31.255.255", "private"},
		{"172.32.0.1", ""},
		{"192.168.1.1", "private"},
		{"fc00::1", "private (unique local)"},
		{"fd12:3456::1", "private (unique local)"},
		{"169.254.169.254", "link-local"},
		{"fe80::1%eth0", "link-local"},
		{"0.0.0.0", "unspecified"},
		{"::", "unspecified"},
		{"224.0.0.1", "multicast"},
		{"ff02::1", "multicast"},
		{"255.255.255.255", "reserved"},
		{"100.64.0.1", "shared (CGN)"},
		{"64:ff9b::10.0.0.1", "private"},
		{"64:ff9b::8.8.8.8", ""},
		{"2002:7f00:1::", "loopback"},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			err := checkAddr(netip.MustParseAddr(tt.addr))
			var ae *addrError
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("got %v, want allowed", err)
			case tt.want != "" && !errors.As(err, &ae):
				t.Errorf("got %v, want refused as %s", err, tt.want)
			case tt.want != "" && (ae.kind != tt.want || !errors.Is(err, ErrPrivateAddress)):
				t.Errorf("got %v, want refused as %s", err, tt.want)
			}
		})
	}
}

func TestRefusePrivate(t *testing.T) {
	if err := refusePrivate("tcp", "127.0.0.1:80", nil); !errors.Is(err, ErrPrivateAddress) {
		t.Errorf("got %v, want ErrPrivateAddress", err)
	}
	if err := refusePrivate("tcp", "[2606:4700::1111]:443", nil); err != nil {
		t.Errorf("got %v, want allowed", err)
	}
	if err := refusePrivate("tcp", "no-port", nil); err == nil {
		t.Errorf("got no error for an unparsable address")
	}
}
