/**
 * The demo catalog of Octet Hardware, a fictional computer-hardware shop. Brands are invented
 * so the demo never looks like an endorsement. Sent through the same schema and upsert as the
 * shop's webhook.
 */

export const DEMO_SHOP_NAME = "Octet Hardware";

type DemoProduct = { sku: string; name: string; category: string; description: string };

const category = (name: string, products: Omit<DemoProduct, "category">[]): DemoProduct[] =>
  products.map((product) => ({ ...product, category: name }));

export const DEMO_PRODUCTS: DemoProduct[] = [
  ...category("SSDs", [
    { sku: "OCT-SSD-N4-1T", name: "Kestrel N4 1 TB NVMe SSD", description: "PCIe 4.0 M.2 2280 drive, up to 7,000 MB/s reads, 5-year warranty." },
    { sku: "OCT-SSD-N4-2T", name: "Kestrel N4 2 TB NVMe SSD", description: "PCIe 4.0 M.2 2280 drive with DRAM cache, up to 7,300 MB/s reads." },
    { sku: "OCT-SSD-N5-4T", name: "Kestrel N5 4 TB NVMe SSD", description: "PCIe 5.0 M.2 drive for workstations; needs a heatsink or good airflow." },
    { sku: "OCT-SSD-S3-1T", name: "Nimbus S3 1 TB SATA SSD", description: '2.5" SATA III drive, an easy upgrade for older laptops and desktops.' },
    { sku: "OCT-SSD-P2-2T", name: "Nimbus Pocket 2 TB Portable SSD", description: "USB-C 3.2 Gen 2 portable drive, 1,050 MB/s, drop-resistant shell." },
    { sku: "OCT-SSD-N3-500", name: "Octet Basics 500 GB NVMe SSD", description: "PCIe 3.0 M.2 boot drive, DRAM-less, good value for office PCs." },
  ]),
  ...category("Laptops", [
    { sku: "OCT-LAP-AIR14-R7", name: 'Vanta Air 14" Ryzen 7 Laptop', description: "1.2 kg ultrabook, 16 GB RAM, 1 TB SSD, 2.8K OLED display." },
    { sku: "OCT-LAP-PRO16-I9", name: 'Vanta Pro 16" Core i9 Laptop', description: "Creator laptop, 32 GB RAM, 2 TB SSD, 8 GB dedicated GPU, 165 Hz mini-LED." },
    { sku: "OCT-LAP-G15-4070", name: 'Forge G15 15.6" Gaming Laptop', description: "240 Hz display, 8 GB GPU, per-key RGB keyboard, 16 GB RAM." },
    { sku: "OCT-LAP-EDU13-N2", name: 'Octet Study 13" Laptop', description: "Fanless student laptop, 8 GB RAM, 256 GB SSD, 14-hour battery." },
    { sku: "OCT-LAP-BIZ14-U5", name: 'Halden Business 14" Laptop', description: "Business laptop with TPM 2.0, fingerprint reader and 3 years on-site service." },
    { sku: "OCT-LAP-2IN1-12", name: 'Vanta Flip 12" 2-in-1 Laptop', description: "Convertible touchscreen with pen support, 16 GB RAM, 512 GB SSD." },
  ]),
  ...category("Graphics Cards", [
    { sku: "OCT-GPU-BLZ-16G", name: "Forge Blaze 16 GB Graphics Card", description: "Triple-fan card for 1440p gaming, 2 x 8-pin power, 3 DisplayPort 2.1." },
    { sku: "OCT-GPU-VLT-12G", name: "Forge Volt 12 GB Graphics Card", description: "Dual-fan card, 220 W, ray tracing and AI upscaling support." },
    { sku: "OCT-GPU-LP-8G", name: "Kestrel Low Profile 8 GB Graphics Card", description: "Half-height card for small-form-factor PCs, powered by the slot." },
    { sku: "OCT-GPU-WS-24G", name: "Halden Workstation 24 GB Graphics Card", description: "Blower-style pro card with ECC memory and certified drivers." },
    { sku: "OCT-GPU-QL-8G", name: "Nimbus Quill 8 GB Graphics Card", description: "Budget 1080p card with AV1 encoding, needs Resizable BAR." },
  ]),
  ...category("Monitors", [
    { sku: "OCT-MON-27Q-165", name: 'Vanta 27" QHD 165 Hz Monitor', description: "IPS panel, 1 ms response, height-adjustable stand, USB-C 65 W." },
    { sku: "OCT-MON-32U-4K", name: 'Vanta 32" 4K USB-C Monitor', description: "4K IPS with 90 W USB-C power delivery and a built-in KVM switch." },
    { sku: "OCT-MON-34W-OLED", name: 'Forge 34" Ultrawide OLED Monitor', description: "3440 x 1440 curved QD-OLED, 175 Hz, HDR True Black 400." },
    { sku: "OCT-MON-24F-100", name: 'Octet Basics 24" Full HD Monitor', description: "100 Hz IPS office monitor with VESA mount and flicker-free backlight." },
    { sku: "OCT-MON-16P-PORT", name: 'Nimbus 16" Portable Monitor', description: "USB-C powered travel screen, 1080p, folding magnetic cover." },
    { sku: "OCT-MON-27-5K", name: 'Halden 27" 5K Studio Monitor', description: "5120 x 2880 panel with P3 colour, Thunderbolt 4 daisy-chaining." },
  ]),
  ...category("Keyboards", [
    { sku: "OCT-KEY-TKL-RED", name: "Forge TKL Mechanical Keyboard (Red switches)", description: "Tenkeyless, linear hot-swap switches, PBT keycaps, USB-C." },
    { sku: "OCT-KEY-75-WL", name: "Kestrel 75% Wireless Keyboard", description: "Gasket-mounted, Bluetooth and 2.4 GHz, up to 200 hours per charge." },
    { sku: "OCT-KEY-FULL-AZ", name: "Octet Basics Full-Size Keyboard (AZERTY)", description: "Quiet membrane keyboard with French AZERTY layout and spill resistance." },
    { sku: "OCT-KEY-SPLIT-ERG", name: "Halden Split Ergonomic Keyboard", description: "Split, tented design with cushioned palm rest, reduces wrist strain." },
    { sku: "OCT-KEY-LP-SLIM", name: "Nimbus Slim Low-Profile Keyboard", description: "Scissor switches, backlit, pairs with three devices." },
  ]),
  ...category("Routers", [
    { sku: "OCT-NET-BE7-TRI", name: "Kestrel BE7 Wi-Fi 7 Tri-Band Router", description: "Wi-Fi 7 with 320 MHz channels, 10 GbE WAN, four 2.5 GbE ports." },
    { sku: "OCT-NET-AX3-MESH2", name: "Nimbus AX3000 Mesh System (2-pack)", description: "Wi-Fi 6 mesh covering up to 400 m², app setup in minutes." },
    { sku: "OCT-NET-AX18-DUAL", name: "Octet Basics AX1800 Router", description: "Dual-band Wi-Fi 6 router for flats, WPA3 and parental controls." },
    { sku: "OCT-NET-5G-CPE", name: "Halden 5G Home Router", description: "5G SIM router with fallback to fibre, two external antenna ports." },
    { sku: "OCT-NET-SW8-25G", name: "Kestrel 8-Port 2.5 GbE Switch", description: "Unmanaged fanless switch, 2.5 GbE on every port, metal case." },
  ]),
  ...category("Mice", [
    { sku: "OCT-MOU-PRO-WL", name: "Forge Pro Wireless Gaming Mouse", description: "58 g, 26,000 DPI optical sensor, 2.4 GHz with 90-hour battery." },
    { sku: "OCT-MOU-VERT-ERG", name: "Halden Vertical Ergonomic Mouse", description: "57° handshake grip, six buttons, silent clicks." },
    { sku: "OCT-MOU-TRAV-BT", name: "Nimbus Travel Bluetooth Mouse", description: "Compact mouse that works on glass, USB-C charging." },
    { sku: "OCT-MOU-BASIC-USB", name: "Octet Basics Wired Mouse", description: "Ambidextrous wired mouse, 1,600 DPI, plug and play." },
    { sku: "OCT-MOU-TRACK-BALL", name: "Kestrel Thumb Trackball", description: "Thumb-operated trackball for small desks, multi-device pairing." },
  ]),
];
