//! What the demo's complaints are about: the regencies and their places,
//! the complaint topics of Kalimantan Selatan with the level of government
//! that handles each, and the Indonesian phrases complaints, answers and
//! replies are built from.
//!
//! Topics follow the shared agency notes (`kalsel-agencies.md`, section 4):
//! provincial matters (provincial roads, SMA/SMK admission, vehicle tax,
//! provincial hospitals) go to provincial OPD or UPTD; local roads, street
//! lights, ID cards, tap water, waste and SD/SMP admission go to the
//! regency or city where they happen.

use aduan_core::ComplaintKind;

/// A regency or city: its agency id, how people name it, its seat, some
/// of its districts (kecamatan) and streets, and its share of complaints
/// (roughly its population).
#[derive(Debug)]
pub(crate) struct Regency {
    pub id: &'static str,
    pub name: &'static str,
    pub seat: &'static str,
    pub districts: &'static [&'static str],
    pub streets: &'static [&'static str],
    pub weight: f64,
}

pub(crate) const REGENCIES: &[Regency] = &[
    Regency {
        id: "kota-banjarmasin",
        name: "Kota Banjarmasin",
        seat: "Banjarmasin",
        districts: &[
            "Banjarmasin Utara",
            "Banjarmasin Selatan",
            "Banjarmasin Timur",
            "Banjarmasin Barat",
            "Banjarmasin Tengah",
        ],
        streets: &[
            "Jl. Pramuka",
            "Jl. Veteran",
            "Jl. Sultan Adam",
            "Jl. Kayu Tangi",
            "Jl. Belitung Darat",
            "Jl. Pangeran Antasari",
            "Jl. S. Parman",
            "Jl. Teluk Tiram Darat",
            "Jl. Gatot Subroto",
            "Jl. Cempaka Raya",
            "Jl. Sutoyo S.",
            "Jl. Kuin Utara",
        ],
        weight: 19.0,
    },
    Regency {
        id: "kota-banjarbaru",
        name: "Kota Banjarbaru",
        seat: "Banjarbaru",
        districts: &["Landasan Ulin", "Liang Anggang", "Cempaka", "Banjarbaru Utara", "Banjarbaru Selatan"],
        streets: &[
            "Jl. Trikora",
            "Jl. Panglima Batur",
            "Jl. Guntung Manggis",
            "Jl. Karang Anyar",
            "Jl. Golf",
            "Jl. Sukamara",
            "Jl. Mistar Cokrokusumo",
        ],
        weight: 9.0,
    },
    Regency {
        id: "kab-banjar",
        name: "Kabupaten Banjar",
        seat: "Martapura",
        districts: &[
            "Martapura",
            "Gambut",
            "Kertak Hanyar",
            "Sungai Tabuk",
            "Astambul",
            "Karang Intan",
            "Aluh-Aluh",
            "Mataraman",
            "Simpang Empat",
            "Pengaron",
        ],
        streets: &[
            "Jl. Sekumpul",
            "Jl. Menteri Empat",
            "Jl. Sukaramai",
            "Jl. Pendidikan",
            "Jl. Tanjung Rema",
            "Jl. Gambut Barat",
            "Jl. Irigasi",
        ],
        weight: 13.0,
    },
    Regency {
        id: "kab-batola",
        name: "Kabupaten Barito Kuala",
        seat: "Marabahan",
        districts: &[
            "Marabahan",
            "Alalak",
            "Anjir Pasar",
            "Tamban",
            "Wanaraya",
            "Mandastana",
            "Rantau Badauh",
        ],
        streets: &[
            "Jl. Jenderal Sudirman",
            "Jl. Trans Kalimantan",
            "Jl. Panglima Wangkang",
            "Jl. Handil Bakti",
        ],
        weight: 7.0,
    },
    Regency {
        id: "kab-tapin",
        name: "Kabupaten Tapin",
        seat: "Rantau",
        districts: &[
            "Tapin Utara",
            "Binuang",
            "Tapin Selatan",
            "Bungur",
            "Candi Laras Utara",
            "Salam Babaris",
        ],
        streets: &[
            "Jl. Brigjen H. Hasan Basry",
            "Jl. Jenderal Sudirman",
            "Jl. Tambarangan",
            "Jl. Datu Nuraya",
        ],
        weight: 4.0,
    },
    Regency {
        id: "kab-hss",
        name: "Kabupaten Hulu Sungai Selatan",
        seat: "Kandangan",
        districts: &[
            "Kandangan",
            "Angkinang",
            "Daha Selatan",
            "Daha Utara",
            "Padang Batung",
            "Loksado",
            "Simpur",
        ],
        streets: &["Jl. Aluh Idut", "Jl. Singakarsa", "Jl. Jenderal Sudirman", "Jl. Pahlawan"],
        weight: 5.0,
    },
    Regency {
        id: "kab-hst",
        name: "Kabupaten Hulu Sungai Tengah",
        seat: "Barabai",
        districts: &[
            "Barabai",
            "Pandawan",
            "Batang Alai Selatan",
            "Haruyan",
            "Labuan Amas Utara",
            "Hantakan",
        ],
        streets: &["Jl. Murakata", "Jl. Brigjen H. Hasan Basry", "Jl. Perintis Kemerdekaan", "Jl. Keramat"],
        weight: 5.0,
    },
    Regency {
        id: "kab-hsu",
        name: "Kabupaten Hulu Sungai Utara",
        seat: "Amuntai",
        districts: &[
            "Amuntai Tengah",
            "Amuntai Selatan",
            "Babirik",
            "Sungai Pandan",
            "Danau Panggang",
            "Banjang",
        ],
        streets: &["Jl. Norman Umar", "Jl. Empu Jatmika", "Jl. Basuki Rahmat", "Jl. Batu Mandi"],
        weight: 5.0,
    },
    Regency {
        id: "kab-balangan",
        name: "Kabupaten Balangan",
        seat: "Paringin",
        districts: &["Paringin", "Paringin Selatan", "Juai", "Awayan", "Batumandi", "Lampihong", "Halong"],
        streets: &["Jl. A. Yani", "Jl. Lingkar Paringin", "Jl. Tugu Paringin", "Jl. Lampihong Raya"],
        weight: 3.0,
    },
    Regency {
        id: "kab-tabalong",
        name: "Kabupaten Tabalong",
        seat: "Tanjung",
        districts: &["Tanjung", "Murung Pudak", "Kelua", "Tanta", "Upau", "Haruai", "Jaro"],
        streets: &["Jl. Tanjung Raya", "Jl. Pangeran Antasari", "Jl. Basuki Rahmat", "Jl. Mabuun Raya"],
        weight: 5.0,
    },
    Regency {
        id: "kab-tala",
        name: "Kabupaten Tanah Laut",
        seat: "Pelaihari",
        districts: &["Pelaihari", "Takisung", "Jorong", "Bati-Bati", "Kurau", "Panyipatan", "Tambang Ulang"],
        streets: &["Jl. A. Syairani", "Jl. Datu Insan", "Jl. Pelaihari-Takisung", "Jl. Tuan Guru"],
        weight: 6.0,
    },
    Regency {
        id: "kab-tanbu",
        name: "Kabupaten Tanah Bumbu",
        seat: "Batulicin",
        districts: &[
            "Batulicin",
            "Simpang Empat",
            "Kusan Hilir",
            "Satui",
            "Angsana",
            "Sungai Loban",
            "Karang Bintang",
        ],
        streets: &["Jl. Raya Batulicin", "Jl. Transmigrasi", "Jl. Dharma Praja", "Jl. Pelabuhan Samudera"],
        weight: 6.0,
    },
    Regency {
        id: "kab-kotabaru",
        name: "Kabupaten Kotabaru",
        seat: "Kotabaru",
        districts: &[
            "Pulau Laut Utara",
            "Pulau Laut Sigam",
            "Kelumpang Hilir",
            "Pamukan Selatan",
            "Sampanahan",
            "Hampang",
        ],
        streets: &["Jl. Putri Cipta Sari", "Jl. Berangas", "Jl. Raya Stagen", "Jl. Veteran"],
        weight: 5.0,
    },
];

/// Who handles a topic.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Handler {
    /// Provincial agencies, with weights.
    Province(&'static [(&'static str, f64)]),
    /// The regency or city where it happened.
    Regency,
}

/// Where a coordinator sometimes sends a topic first, before the agency
/// answers *bukan wewenang* and suggests the right one.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Misroute {
    /// A provincial agency (for a regency matter).
    Province(&'static str),
    /// The regency of the place (for a provincial matter).
    Regency,
}

/// Seasonal factor per month, January first.
pub(crate) type Season = [f64; 12];

pub(crate) const FLAT: Season = [1.0; 12];
/// The rainy season, November to March, brings floods and potholes.
pub(crate) const RAINY: Season = [1.8, 1.6, 1.4, 1.0, 0.7, 0.5, 0.4, 0.4, 0.5, 0.8, 1.3, 1.8];
/// Land and forest fires and haze come with the dry season, August to October.
pub(crate) const DRY: Season = [0.1, 0.1, 0.1, 0.2, 0.3, 0.6, 1.3, 2.6, 3.2, 1.8, 0.4, 0.1];
/// School admission (PPDB/SPMB) runs in June and July.
pub(crate) const ADMISSION: Season = [0.2, 0.2, 0.3, 0.5, 1.2, 4.0, 3.2, 0.6, 0.3, 0.2, 0.2, 0.2];
/// Staple prices and LPG shortages peak before Ramadan and Lebaran and at year's end.
pub(crate) const PRICES: Season = [1.0, 1.4, 1.9, 1.5, 0.8, 0.8, 0.7, 0.7, 0.7, 0.8, 1.0, 1.6];
/// Vehicle-tax amnesties (pemutihan) bring queues mid-year.
pub(crate) const TAX: Season = [0.9, 0.9, 1.0, 0.9, 1.0, 1.3, 1.5, 1.4, 1.1, 0.9, 0.9, 1.0];

/// What kind of place a topic names in its location.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// A street in a district of the regency.
    Street,
    /// The handling agency's own office or unit.
    Office,
}

/// One complaint topic.
#[derive(Debug)]
pub(crate) struct Topic {
    pub key: &'static str,
    pub kind: ComplaintKind,
    pub handler: Handler,
    /// Complaints a year, relative to the other topics.
    pub weight: f64,
    pub season: Season,
    pub place: Place,
    /// Reports people often want kept confidential (illegal fees, staff).
    pub sensitive: bool,
    pub misroute: Option<(Misroute, &'static str)>,
    pub titles: &'static [&'static str],
    /// The body each title goes with, by index; empty when the i-th title
    /// goes with the i-th body.
    pub pairs: &'static [usize],
    pub bodies: &'static [&'static str],
    pub follow_ups: &'static [&'static str],
}

use ComplaintKind::{Aspirasi, Pengaduan, PermintaanInformasi};

/// Placeholders: `{jalan}` street, `{kec}` district, `{kab}` regency or
/// city name, `{kota}` its seat, `{lokasi}` street and district, `{unit}`
/// the handling agency's name, `{lama}` how long it has lasted, `{sekolah}`
/// a school, `{rs}` the hospital, `{samsat}` the tax office.
pub(crate) const TOPICS: &[Topic] = &[
    // ----- Provincial OPD -----
    Topic {
        key: "jalan-provinsi",
        kind: Pengaduan,
        handler: Handler::Province(&[("dpupr", 1.0)]),
        weight: 70.0,
        season: RAINY,
        place: Place::Street,
        sensitive: false,
        misroute: Some((
            Misroute::Regency,
            "Ruas tersebut berstatus jalan provinsi, bukan jalan kabupaten/kota. Mohon diteruskan ke Dinas PUPR Provinsi.",
        )),
        titles: &[
            "Jalan provinsi berlubang di {kec}",
            "Jalan rusak parah ruas {kota}, mohon segera diperbaiki",
            "Lubang besar di jalan provinsi dekat {jalan}",
            "Aspal jalan provinsi di {kec} mengelupas",
        ],
        pairs: &[0, 2, 0, 1],
        bodies: &[
            "Jalan provinsi di {lokasi} banyak lubang besar dan sudah {lama} tidak diperbaiki. Kalau hujan lubangnya tertutup air sehingga pengendara motor sering terjatuh, terutama malam hari karena penerangan kurang.",
            "Saya melapor kerusakan jalan di {lokasi}. Aspal mengelupas sepanjang kurang lebih 200 meter dan lubangnya makin dalam. Sudah ada beberapa kecelakaan motor di titik ini.",
            "Kondisi jalan di {lokasi} rusak dan bergelombang. Truk-truk besar lewat setiap hari sehingga kerusakannya makin parah. Warga sekitar sudah menimbun dengan batu seadanya, tetapi tidak bertahan lama.",
        ],
        follow_ups: &[
            "Tim UPT Jalan dan Jembatan sudah melakukan penambalan lubang di ruas tersebut. Perbaikan menyeluruh dijadwalkan dalam paket pemeliharaan tahun anggaran berjalan.",
            "Petugas telah meninjau lokasi dan menambal lubang dengan aspal dingin sebagai penanganan sementara. Pengaspalan ulang masuk usulan pemeliharaan berkala.",
        ],
    },
    Topic {
        key: "angkutan-tambang",
        kind: Pengaduan,
        handler: Handler::Province(&[("dishub", 0.7), ("dpupr", 0.3)]),
        weight: 28.0,
        season: FLAT,
        place: Place::Street,
        sensitive: false,
        misroute: Some((
            Misroute::Province("satpolpp"),
            "Pengawasan angkutan barang di jalan umum merupakan kewenangan Dinas Perhubungan. Mohon diteruskan ke Dishub Provinsi.",
        )),
        titles: &[
            "Truk batubara melintas di jalan umum {kec}",
            "Angkutan sawit bermuatan lebih merusak jalan di {kec}",
            "Truk tambang lewat jalan umum siang hari",
        ],
        pairs: &[],
        bodies: &[
            "Setiap malam puluhan truk batubara melintas di {lokasi} padahal menurut Perda seharusnya memakai jalan khusus. Jalan jadi rusak, berdebu, dan membahayakan pengendara lain.",
            "Truk pengangkut sawit dengan muatan berlebih lewat {lokasi} hampir setiap hari. Jalan cepat rusak dan anak-anak sekolah takut bersepeda di jalan ini. Mohon ada penertiban.",
            "Saya melihat truk tambang melintas di {lokasi} pada siang hari, sering berhenti di bahu jalan dan menimbulkan kemacetan. Mohon petugas melakukan pengawasan.",
        ],
        follow_ups: &[
            "Tim gabungan Dishub bersama kepolisian telah melakukan razia angkutan barang di ruas tersebut dan memberikan teguran kepada pengemudi yang melanggar.",
            "Kami telah memasang rambu larangan dan melakukan patroli di jam rawan. Perusahaan angkutan yang melanggar sudah dipanggil untuk dibina.",
        ],
    },
    Topic {
        key: "banjir",
        kind: Pengaduan,
        handler: Handler::Province(&[("bpbd", 0.6), ("dpupr", 0.25), ("dinsos", 0.15)]),
        weight: 34.0,
        season: RAINY,
        place: Place::Street,
        sensitive: false,
        misroute: Some((
            Misroute::Regency,
            "Penanganan genangan di lingkungan permukiman ini menjadi kewenangan BPBD Provinsi karena meliputi beberapa desa. Mohon diteruskan.",
        )),
        titles: &[
            "Banjir merendam rumah warga di {kec}",
            "Bantuan untuk korban banjir di {kec} belum sampai",
            "Air sungai meluap, warga {kec} butuh evakuasi",
        ],
        pairs: &[],
        bodies: &[
            "Sejak {lama} banjir merendam rumah warga di {lokasi} dengan ketinggian air sampai lutut orang dewasa. Banyak lansia dan anak-anak yang perlu dibantu, sementara bantuan belum datang.",
            "Air sungai meluap dan menggenangi {lokasi}. Warga sudah mengungsi ke rumah keluarga, tetapi bantuan logistik seperti makanan dan air bersih belum sampai ke posko kami.",
            "Banjir di {lokasi} tidak kunjung surut. Saluran air tersumbat dan warga kesulitan keluar rumah. Mohon bantuan perahu dan pompa air dari pemerintah provinsi.",
        ],
        follow_ups: &[
            "Tim Reaksi Cepat BPBD telah turun ke lokasi, mendirikan dapur umum dan menyalurkan paket sembako serta air bersih kepada warga terdampak.",
            "Bantuan logistik sudah didistribusikan melalui posko desa. Kami juga berkoordinasi dengan BPBD kabupaten untuk pendataan rumah yang terdampak.",
        ],
    },
    Topic {
        key: "ppdb-sma",
        kind: Pengaduan,
        handler: Handler::Province(&[("disdikbud", 1.0)]),
        weight: 45.0,
        season: ADMISSION,
        place: Place::Office,
        sensitive: false,
        misroute: Some((
            Misroute::Regency,
            "SMA dan SMK negeri dikelola Pemerintah Provinsi. Pengaduan SPMB jenjang SMA/SMK mohon diteruskan ke Disdikbud Provinsi.",
        )),
        titles: &[
            "Anak saya tidak lolos zonasi SPMB {sekolah}",
            "Situs pendaftaran SPMB SMA sering gangguan",
            "Kuota jalur afirmasi di {sekolah} tidak jelas",
        ],
        pairs: &[],
        bodies: &[
            "Anak saya mendaftar ke {sekolah} melalui jalur zonasi. Rumah kami hanya sekitar satu kilometer dari sekolah, tetapi namanya tidak masuk daftar, sementara pendaftar yang lebih jauh diterima. Mohon penjelasan cara perhitungan jaraknya.",
            "Situs pendaftaran SPMB SMA/SMK sering tidak bisa dibuka sejak pagi. Kami sudah mencoba berkali-kali dan batas waktu pendaftaran tinggal beberapa hari. Mohon kapasitas server ditambah atau waktu pendaftaran diperpanjang.",
            "Kami ingin tahu berapa kuota jalur afirmasi di {sekolah}. Di pengumuman sekolah tidak tercantum, dan operator sekolah menyuruh kami bertanya ke dinas.",
        ],
        follow_ups: &[
            "Panitia SPMB telah memeriksa data pendaftar. Perhitungan jarak memakai titik koordinat domisili pada Kartu Keluarga; rincian hasil verifikasi sudah kami sampaikan melalui sekolah.",
            "Kapasitas server sudah ditambah dan masa pendaftaran tahap pertama diperpanjang satu hari. Pendaftar juga dapat dibantu langsung di posko SPMB di setiap SMA negeri.",
            "Kuota jalur afirmasi setiap SMA dan SMK negeri sudah kami umumkan di laman SPMB dan papan pengumuman sekolah. Sekolah yang belum memasangnya telah kami tegur.",
        ],
    },
    Topic {
        key: "pungutan-sekolah",
        kind: Pengaduan,
        handler: Handler::Province(&[("disdikbud", 1.0)]),
        weight: 22.0,
        season: [0.5, 0.5, 0.6, 0.6, 0.8, 1.0, 2.5, 2.0, 1.2, 0.8, 0.7, 0.8],
        place: Place::Office,
        sensitive: true,
        misroute: None,
        titles: &[
            "Pungutan uang seragam di {sekolah}",
            "Orang tua siswa diminta membayar uang gedung",
            "Biaya perpisahan sekolah memberatkan orang tua",
        ],
        pairs: &[],
        bodies: &[
            "Setelah anak saya diterima di {sekolah}, orang tua diminta membayar uang seragam dan kegiatan yang jumlahnya lebih dari satu juta rupiah. Katanya wajib dan harus lunas sebelum masuk sekolah.",
            "Komite {sekolah} meminta sumbangan pembangunan yang nominalnya ditentukan dan ditagih setiap bulan. Bagi kami yang berpenghasilan kecil ini sangat memberatkan. Apakah pungutan seperti ini dibolehkan?",
            "Siswa kelas XII di {sekolah} diminta membayar biaya perpisahan dan wisuda di gedung pertemuan sebesar delapan ratus ribu rupiah. Yang belum membayar diancam tidak menerima ijazah tepat waktu.",
        ],
        follow_ups: &[
            "Tim dinas sudah memanggil kepala sekolah dan komite. Pungutan yang bersifat wajib dihentikan, dan pembelian seragam tidak boleh diwajibkan melalui sekolah.",
            "Kami telah melakukan klarifikasi ke sekolah. Sumbangan komite harus sukarela dan tidak ditentukan jumlahnya; sekolah sudah menerbitkan surat pemberitahuan baru kepada orang tua.",
            "Kepala sekolah sudah kami panggil. Kegiatan perpisahan tidak boleh diwajibkan dan ijazah tidak boleh ditahan karena biaya apa pun; sekolah telah membatalkan pungutan tersebut.",
        ],
    },
    Topic {
        key: "bansos-dtks",
        kind: Pengaduan,
        handler: Handler::Province(&[("dinsos", 1.0)]),
        weight: 26.0,
        season: FLAT,
        place: Place::Street,
        sensitive: false,
        misroute: Some((
            Misroute::Regency,
            "Usulan perbaikan data DTKS diproses melalui Dinas Sosial kabupaten/kota setempat. Mohon diteruskan.",
        )),
        titles: &[
            "Keluarga miskin di {kec} tidak terdaftar DTKS",
            "Bantuan sosial salah sasaran di {kec}",
            "Data penerima bansos tidak diperbarui",
        ],
        pairs: &[0, 0, 1],
        bodies: &[
            "Tetangga saya di {lokasi} adalah janda dengan tiga anak dan tidak punya penghasilan tetap, tetapi tidak pernah terdaftar sebagai penerima bantuan. Sebaliknya ada warga yang mampu justru menerima.",
            "Nama ibu saya sudah diusulkan masuk DTKS sejak {lama} melalui kelurahan, namun sampai sekarang statusnya belum berubah. Mohon dicek apakah usulannya sudah diproses.",
        ],
        follow_ups: &[
            "Data yang dilaporkan sudah kami verifikasi bersama pendamping sosial. Warga tersebut telah diusulkan masuk DTKS pada periode pemutakhiran bulan ini.",
            "Kami sudah berkoordinasi dengan Dinas Sosial kabupaten/kota untuk verifikasi lapangan. Hasilnya akan dimasukkan pada pemutakhiran data berikutnya.",
        ],
    },
    Topic {
        key: "pajak-kendaraan",
        kind: PermintaanInformasi,
        handler: Handler::Province(&[("bapenda", 1.0)]),
        weight: 22.0,
        season: TAX,
        place: Place::Office,
        sensitive: false,
        misroute: None,
        titles: &[
            "Informasi program pemutihan pajak kendaraan",
            "Cara membayar pajak kendaraan yang STNK-nya diblokir",
            "Jadwal Samsat keliling di {kota}",
        ],
        pairs: &[],
        bodies: &[
            "Saya ingin menanyakan apakah tahun ini ada program pemutihan denda pajak kendaraan bermotor, dan sampai kapan berlakunya. Motor saya sudah dua tahun belum bayar pajak.",
            "STNK kendaraan saya katanya diblokir karena kendaraan lama belum dibalik nama. Bagaimana cara membuka blokir dan membayar pajaknya?",
            "Mohon informasi jadwal dan lokasi Samsat keliling di {kota} untuk bulan ini, karena saya tidak bisa datang ke kantor Samsat pada jam kerja.",
        ],
        follow_ups: &[
            "Program pembebasan denda pajak kendaraan berlaku sampai akhir bulan depan di seluruh UPPD Samsat. Informasi lengkap tersedia di akun media sosial Bapenda Kalsel.",
            "Blokir dapat dibuka di UPPD Samsat terdekat dengan membawa KTP, BPKB dan surat pernyataan jual beli. Setelah itu pajak dapat dibayar langsung.",
            "Jadwal Samsat keliling dan gerai Samsat di {kota} sudah kami kirimkan; layanan buka pula pada hari Sabtu sampai pukul 12.00 WITA.",
        ],
    },
    Topic {
        key: "izin-usaha",
        kind: Pengaduan,
        handler: Handler::Province(&[("dpmptsp", 1.0)]),
        weight: 12.0,
        season: FLAT,
        place: Place::Office,
        sensitive: false,
        misroute: None,
        titles: &[
            "Pengurusan izin usaha melalui OSS lambat",
            "Permohonan izin sudah lengkap tetapi belum terbit",
        ],
        pairs: &[],
        bodies: &[
            "Permohonan izin usaha saya di sistem OSS sudah {lama} berstatus menunggu verifikasi, padahal semua dokumen sudah diunggah. Usaha kami tidak bisa mengikuti tender tanpa izin ini.",
            "Saya mengurus perizinan berusaha untuk usaha penggilingan padi. Berkas sudah lengkap dan diterima petugas, namun izin belum terbit dan tidak ada kabar kapan selesai.",
        ],
        follow_ups: &[
            "Permohonan sudah kami verifikasi dan izin telah terbit di sistem OSS. Pemohon dapat mengunduhnya langsung melalui akun OSS masing-masing.",
            "Ada satu dokumen teknis yang masih perlu rekomendasi dinas teknis; kami sudah membantu koordinasinya dan pemohon telah dihubungi oleh petugas.",
        ],
    },
    Topic {
        key: "pencemaran",
        kind: Pengaduan,
        handler: Handler::Province(&[("dlh", 1.0)]),
        weight: 20.0,
        season: FLAT,
        place: Place::Street,
        sensitive: false,
        misroute: None,
        titles: &[
            "Limbah perusahaan mencemari sungai di {kec}",
            "Air sungai berubah warna dan berbau di {kec}",
            "Bau busuk dari pabrik di sekitar {jalan}",
        ],
        pairs: &[0, 0, 1],
        bodies: &[
            "Sungai di {lokasi} airnya berubah warna kehitaman dan berbau sejak {lama}. Warga menduga ini berasal dari pembuangan limbah pabrik di hulu sungai. Ikan-ikan banyak yang mati.",
            "Pabrik di dekat {lokasi} mengeluarkan bau menyengat hampir setiap malam. Anak-anak di lingkungan kami sering batuk. Mohon dilakukan pemeriksaan.",
        ],
        follow_ups: &[
            "Tim DLH telah mengambil sampel air sungai dan air limbah. Hasil uji laboratorium menunjukkan parameter melebihi baku mutu; perusahaan telah diberi sanksi administratif dan wajib memperbaiki IPAL.",
            "Petugas pengawas lingkungan sudah memeriksa lokasi dan meminta perusahaan menghentikan pembuangan. Pemantauan lanjutan dilakukan setiap bulan.",
        ],
    },
    Topic {
        key: "karhutla",
        kind: Pengaduan,
        handler: Handler::Province(&[("bpbd", 0.5), ("dishut", 0.3), ("dlh", 0.2)]),
        weight: 18.0,
        season: DRY,
        place: Place::Street,
        sensitive: false,
        misroute: None,
        titles: &[
            "Kabut asap pekat di {kec}",
            "Lahan gambut terbakar dekat permukiman {kec}",
            "Kebakaran lahan tidak kunjung padam",
        ],
        pairs: &[0, 1, 1],
        bodies: &[
            "Sudah {lama} kabut asap sangat pekat di {lokasi}. Jarak pandang pendek dan banyak warga terkena ISPA. Mohon segera dilakukan pemadaman titik api di sekitar kami.",
            "Lahan gambut di dekat {lokasi} terbakar dan apinya merambat ke arah rumah warga. Warga sudah berusaha memadamkan dengan alat seadanya.",
        ],
        follow_ups: &[
            "Satgas karhutla bersama Manggala Agni telah memadamkan titik api di lokasi dan melakukan pendinginan. Patroli dilanjutkan selama musim kemarau.",
            "Tim sudah diterjunkan untuk pemadaman dan pembagian masker kepada warga. Posko siaga darurat asap dibuka di kecamatan.",
        ],
    },
    Topic {
        key: "tambang-ilegal",
        kind: Pengaduan,
        handler: Handler::Province(&[("desdm", 1.0)]),
        weight: 9.0,
        season: FLAT,
        place: Place::Street,
        sensitive: true,
        misroute: Some((
            Misroute::Province("dlh"),
            "Penertiban kegiatan pertambangan tanpa izin menjadi kewenangan Dinas ESDM. Mohon diteruskan.",
        )),
        titles: &["Tambang tanpa izin beroperasi di {kec}", "Lubang bekas tambang tidak direklamasi"],
        pairs: &[],
        bodies: &[
            "Ada kegiatan penambangan batubara tanpa izin di dekat {lokasi}. Alat berat bekerja siang malam dan jalan desa rusak. Warga takut melapor langsung.",
            "Lubang bekas tambang di sekitar {lokasi} dibiarkan terbuka dan terisi air. Tahun lalu ada anak yang hampir tenggelam di sana. Mohon perusahaan diwajibkan melakukan reklamasi.",
        ],
        follow_ups: &[
            "Inspektur tambang telah melakukan pemeriksaan lapangan. Laporan telah diteruskan kepada aparat penegak hukum dan kegiatan di lokasi sudah dihentikan.",
            "Perusahaan pemegang izin sudah dipanggil dan diwajibkan menyusun rencana reklamasi. Lokasi bekas tambang telah dipasangi pagar dan papan peringatan.",
        ],
    },
    Topic {
        key: "ketenagakerjaan",
        kind: Pengaduan,
        handler: Handler::Province(&[("disnakertrans", 1.0)]),
        weight: 18.0,
        season: [1.0, 1.0, 1.3, 1.6, 1.0, 0.9, 0.9, 0.9, 0.9, 1.0, 1.0, 1.1],
        place: Place::Street,
        sensitive: true,
        misroute: None,
        titles: &[
            "Gaji karyawan dibayar di bawah UMP",
            "THR tidak dibayarkan perusahaan",
            "Di-PHK tanpa pesangon dan BPJS Ketenagakerjaan tidak aktif",
        ],
        pairs: &[],
        bodies: &[
            "Saya bekerja di sebuah perusahaan di {lokasi}. Gaji kami dibayar jauh di bawah UMP Kalimantan Selatan dan sering terlambat. Kami takut diberhentikan kalau protes langsung.",
            "Sampai hari ini perusahaan tempat saya bekerja belum membayar THR, padahal Lebaran sudah lewat. Kami sudah bertanya ke bagian personalia tetapi tidak ada jawaban jelas.",
            "Saya diberhentikan setelah lima tahun bekerja tanpa pesangon. Ketika mau mencairkan JHT ternyata iuran BPJS Ketenagakerjaan tidak disetorkan perusahaan sejak {lama}.",
        ],
        follow_ups: &[
            "Pengawas ketenagakerjaan sudah memeriksa perusahaan dan menerbitkan nota pemeriksaan. Perusahaan wajib membayar kekurangan upah dalam waktu yang ditentukan.",
            "Posko THR telah memanggil manajemen perusahaan. Perusahaan menyanggupi pembayaran THR beserta dendanya kepada seluruh pekerja pekan ini.",
            "Mediator hubungan industrial telah memanggil kedua pihak. Perusahaan bersedia membayar hak pekerja dan melunasi tunggakan iuran BPJS Ketenagakerjaan.",
        ],
    },
    Topic {
        key: "harga-elpiji",
        kind: Pengaduan,
        handler: Handler::Province(&[("disdag", 0.8), ("dpkp", 0.2)]),
        weight: 24.0,
        season: PRICES,
        place: Place::Street,
        sensitive: false,
        misroute: None,
        titles: &[
            "Elpiji 3 kg langka di {kec}",
            "Harga gas melon di pengecer jauh di atas HET",
            "Harga beras dan minyak goreng naik tajam",
        ],
        pairs: &[0, 0, 1],
        bodies: &[
            "Sudah {lama} elpiji 3 kg sulit didapat di {lokasi}. Di pangkalan selalu habis, sedangkan di pengecer harganya sampai empat puluh ribu rupiah per tabung.",
            "Harga beras dan minyak goreng di pasar dekat {lokasi} naik tajam menjelang puasa. Mohon pemerintah mengadakan operasi pasar.",
        ],
        follow_ups: &[
            "Kami bersama Pertamina telah menambah pasokan elpiji 3 kg ke pangkalan di kecamatan tersebut dan menegur pangkalan yang menjual di atas HET.",
            "Operasi pasar murah digelar di kecamatan tersebut pekan ini. Tim pemantau harga juga memeriksa stok di distributor.",
        ],
    },
    Topic {
        key: "layanan-internet",
        kind: Pengaduan,
        handler: Handler::Province(&[("diskominfo", 1.0)]),
        weight: 14.0,
        season: FLAT,
        place: Place::Street,
        sensitive: false,
        misroute: None,
        titles: &[
            "Sinyal internet di desa {kec} sangat lemah",
            "Aplikasi LAPOR sering gagal mengirim laporan",
            "Wifi gratis di balai desa tidak berfungsi",
        ],
        pairs: &[],
        bodies: &[
            "Di desa kami di {lokasi} sinyal seluler hampir tidak ada. Anak sekolah kesulitan belajar daring dan warga harus naik ke bukit untuk menelepon.",
            "Saya mencoba mengirim laporan melalui aplikasi, tetapi selalu muncul pesan gagal saat mengunggah foto. Sudah dicoba di dua ponsel berbeda.",
            "Titik wifi gratis di balai desa {kec} sudah {lama} tidak bisa dipakai. Padahal banyak pelajar yang mengandalkannya.",
        ],
        follow_ups: &[
            "Lokasi tersebut sudah kami usulkan ke Kementerian Komunikasi dan Digital untuk pembangunan BTS. Sementara itu perangkat wifi di balai desa sudah diperbaiki.",
            "Gangguan unggah foto sudah diperbaiki pada pembaruan aplikasi terbaru. Terima kasih atas laporannya.",
            "Perangkat wifi di balai desa sudah diganti oleh teknisi kami dan layanan kembali dapat dipakai warga setiap hari pukul 07.00-21.00 WITA.",
        ],
    },
    Topic {
        key: "rumah-tidak-layak",
        kind: Aspirasi,
        handler: Handler::Province(&[("disperkim", 1.0)]),
        weight: 10.0,
        season: FLAT,
        place: Place::Street,
        sensitive: false,
        misroute: None,
        titles: &["Usulan bedah rumah untuk warga {kec}", "Mohon bantuan rumah layak huni bagi lansia"],
        pairs: &[],
        bodies: &[
            "Saya mengusulkan agar rumah seorang lansia di {lokasi} masuk program bedah rumah. Atapnya bocor, dinding papan sudah lapuk, dan rumah hampir roboh.",
            "Di {lokasi} ada beberapa rumah warga yang tidak layak huni. Kami berharap pemerintah provinsi memasukkan desa kami dalam program bantuan rumah tahun depan.",
        ],
        follow_ups: &[
            "Usulan telah kami catat dan tim sudah melakukan survei kelayakan. Rumah tersebut masuk daftar calon penerima bantuan rumah layak huni tahun anggaran berikutnya.",
        ],
    },
    Topic {
        key: "pariwisata",
        kind: Aspirasi,
        handler: Handler::Province(&[("dispar", 0.7), ("dispora", 0.3)]),
        weight: 10.0,
        season: [0.8, 0.8, 0.8, 1.4, 1.0, 1.2, 1.3, 1.0, 0.8, 0.8, 0.9, 1.4],
        place: Place::Street,
        sensitive: false,
        misroute: None,
        titles: &[
            "Fasilitas objek wisata di {kec} tidak terawat",
            "Usulan perbaikan lapangan olahraga di {kota}",
        ],
        pairs: &[],
        bodies: &[
            "Objek wisata di {lokasi} ramai dikunjungi saat libur, tetapi toilet dan tempat sampahnya tidak terawat. Sayang sekali karena banyak wisatawan dari luar daerah.",
            "Lapangan olahraga di {lokasi} rusak dan lampunya mati. Kami mengusulkan perbaikan agar anak muda punya tempat berolahraga yang layak.",
        ],
        follow_ups: &[
            "Masukan telah kami teruskan ke pengelola dan masuk rencana perbaikan fasilitas. Petugas kebersihan tambahan disiagakan pada musim libur.",
        ],
    },
    Topic {
        key: "umkm",
        kind: PermintaanInformasi,
        handler: Handler::Province(&[("diskopukm", 0.6), ("disperin", 0.4)]),
        weight: 10.0,
        season: FLAT,
        place: Place::Office,
        sensitive: false,
        misroute: None,
        titles: &[
            "Informasi pelatihan dan sertifikasi halal untuk UMKM",
            "Cara mendaftar pelatihan koperasi",
        ],
        pairs: &[],
        bodies: &[
            "Saya pelaku usaha kue rumahan di {kota}. Mohon informasi apakah ada program sertifikasi halal gratis atau pelatihan kemasan untuk UMKM tahun ini.",
            "Koperasi kami baru berdiri dan pengurusnya ingin ikut pelatihan manajemen koperasi. Bagaimana cara mendaftarnya dan apa persyaratannya?",
        ],
        follow_ups: &[
            "Informasi jadwal pelatihan dan syarat pendaftaran telah kami kirimkan. Pendaftaran dibuka melalui Balai Pelatihan Koperasi dan UKM di Banjarbaru.",
        ],
    },
    Topic {
        key: "pertanian",
        kind: Pengaduan,
        handler: Handler::Province(&[("dpkp", 0.45), ("disbunnak", 0.35), ("dkp", 0.2)]),
        weight: 16.0,
        season: [1.2, 1.0, 0.9, 1.2, 1.0, 0.8, 0.8, 0.9, 1.0, 1.2, 1.2, 1.2],
        place: Place::Street,
        sensitive: false,
        misroute: None,
        titles: &[
            "Pupuk bersubsidi sulit didapat petani {kec}",
            "Ternak sapi warga {kec} terserang penyakit",
            "Nelayan {kec} kesulitan mendapat solar",
        ],
        pairs: &[],
        bodies: &[
            "Petani di {lokasi} kesulitan mendapatkan pupuk bersubsidi menjelang musim tanam. Kios pengecer bilang jatahnya sudah habis, padahal kami terdaftar dalam RDKK.",
            "Beberapa sapi milik warga di {lokasi} sakit, tidak mau makan dan mulutnya berliur. Kami khawatir penyakitnya menular. Mohon ada petugas kesehatan hewan yang datang.",
            "Nelayan di {lokasi} kesulitan mendapatkan solar bersubsidi untuk melaut. Antrean di SPBUN panjang dan stoknya sering kosong.",
        ],
        follow_ups: &[
            "Kami sudah berkoordinasi dengan distributor dan kios pengecer; alokasi pupuk untuk kecamatan tersebut ditambah dan penyaluran diawasi petugas penyuluh.",
            "Petugas kesehatan hewan telah memeriksa dan mengobati ternak, serta melakukan vaksinasi di desa sekitar untuk mencegah penularan.",
            "Kami telah berkoordinasi dengan Pertamina dan pengelola SPBUN; kuota solar bersubsidi untuk nelayan di wilayah tersebut ditambah dan penyalurannya diawasi penyuluh perikanan.",
        ],
    },
    Topic {
        key: "kebakaran",
        kind: Pengaduan,
        handler: Handler::Province(&[("satpolpp", 1.0)]),
        weight: 8.0,
        season: DRY,
        place: Place::Street,
        sensitive: false,
        misroute: None,
        titles: &[
            "Hidran di {kec} tidak berfungsi",
            "Pedagang berjualan di trotoar kantor pemerintah provinsi",
        ],
        pairs: &[],
        bodies: &[
            "Saat kebakaran kemarin di {lokasi} hidran terdekat tidak mengeluarkan air sehingga pemadaman terlambat. Mohon hidran di kawasan padat penduduk diperiksa.",
            "Di trotoar depan perkantoran pemerintah provinsi di {lokasi} banyak pedagang yang berjualan sampai menutup jalur pejalan kaki.",
        ],
        follow_ups: &[
            "Petugas telah memeriksa lokasi dan melakukan penertiban. Hidran yang rusak dilaporkan ke pengelola untuk diperbaiki.",
        ],
    },
    Topic {
        key: "perlindungan-anak",
        kind: Pengaduan,
        handler: Handler::Province(&[("dp3akb", 1.0)]),
        weight: 7.0,
        season: FLAT,
        place: Place::Street,
        sensitive: true,
        misroute: None,
        titles: &[
            "Dugaan kekerasan terhadap anak di lingkungan {kec}",
            "Mohon pendampingan bagi korban kekerasan rumah tangga",
        ],
        pairs: &[],
        bodies: &[
            "Saya sering mendengar anak tetangga di {lokasi} menangis dan dipukuli. Anak itu terlihat ketakutan dan jarang sekolah. Saya tidak berani melapor langsung.",
            "Kerabat saya mengalami kekerasan dalam rumah tangga dan butuh pendampingan hukum serta tempat aman. Kami tidak tahu harus ke mana.",
        ],
        follow_ups: &[
            "Tim UPTD PPA telah melakukan penjangkauan dan pendampingan terhadap korban. Kasus sedang ditangani bersama unit PPA kepolisian.",
        ],
    },
    Topic {
        key: "pbi-rujukan",
        kind: Pengaduan,
        handler: Handler::Province(&[("dinkes", 1.0)]),
        weight: 14.0,
        season: FLAT,
        place: Place::Street,
        sensitive: false,
        misroute: None,
        titles: &[
            "Kepesertaan BPJS yang dibayar Pemprov belum aktif",
            "Rujukan pasien dari {kab} ke rumah sakit provinsi ditolak",
            "Ambulans rujukan dari {kec} datang terlambat",
        ],
        pairs: &[],
        bodies: &[
            "Kami keluarga tidak mampu di {lokasi} sudah didaftarkan sebagai peserta BPJS yang iurannya dibayar Pemerintah Provinsi, tetapi sudah {lama} kartunya belum juga aktif. Saat berobat kami diminta membayar sebagai pasien umum.",
            "Puskesmas di {kec} sudah membuat rujukan ke rumah sakit provinsi untuk ibu saya, tetapi rujukan ditolak dengan alasan tempat tidur penuh dan kami tidak diberi pilihan rumah sakit lain.",
            "Ibu hamil di {lokasi} perlu dirujuk malam hari, tetapi ambulans rujukan baru datang setelah tiga jam. Mohon koordinasi sistem rujukan antardaerah diperbaiki.",
        ],
        follow_ups: &[
            "Data kepesertaan sudah kami verifikasi dan diusulkan ulang ke BPJS Kesehatan. Kartu pelapor kini aktif dan biaya yang terlanjur dibayar dapat diklaim kembali melalui rumah sakit.",
            "Kami telah menegur rumah sakit penerima dan menata ulang alur Sistem Rujukan Terintegrasi, sehingga puskesmas kini mendapat pilihan rumah sakit lain bila tempat tidur penuh.",
            "Kami telah berkoordinasi dengan dinas kesehatan kabupaten untuk menambah ambulans siaga malam dan mencantumkan nomor pusat rujukan di setiap puskesmas.",
        ],
    },
    // ----- UPTD and provincial hospitals -----
    Topic {
        key: "antrean-rs",
        kind: Pengaduan,
        handler: Handler::Province(&[("rsud-ulin", 0.6), ("rsud-ansari-saleh", 0.4)]),
        weight: 40.0,
        season: FLAT,
        place: Place::Office,
        sensitive: false,
        misroute: Some((
            Misroute::Province("dinkes"),
            "Pelayanan poliklinik dikelola langsung oleh rumah sakit. Mohon diteruskan ke RSUD yang bersangkutan.",
        )),
        titles: &[
            "Antrean poli di {rs} sangat panjang",
            "Menunggu dokter berjam-jam di {rs}",
            "Pendaftaran online {rs} tidak mempercepat antrean",
        ],
        pairs: &[],
        bodies: &[
            "Saya mengantar ibu berobat ke {rs}. Kami datang pukul tujuh pagi, tetapi baru diperiksa dokter pukul dua siang. Banyak pasien lansia yang menunggu tanpa tempat duduk.",
            "Sudah daftar online sehari sebelumnya, namun di {rs} tetap harus antre ulang di loket dan menunggu lama. Mohon sistem antreannya dibenahi.",
            "Dokter di poli penyakit dalam {rs} datang terlambat hampir setiap hari, sementara pasien sudah menumpuk sejak pagi.",
        ],
        follow_ups: &[
            "Manajemen rumah sakit telah menambah loket pendaftaran dan memberlakukan antrean berbasis jam kedatangan. Keterlambatan dokter sudah ditindaklanjuti oleh komite medik.",
            "Kami telah memperbaiki alur pendaftaran online sehingga pasien yang sudah mendaftar langsung ke poli tujuan tanpa antre ulang.",
            "Komite medik telah menegur dokter yang bersangkutan dan jadwal praktik poli penyakit dalam kini diawasi setiap pagi oleh kepala instalasi rawat jalan.",
        ],
    },
    Topic {
        key: "bpjs-rs",
        kind: Pengaduan,
        handler: Handler::Province(&[
            ("rsud-ulin", 0.5),
            ("rsud-ansari-saleh", 0.35),
            ("rsj-sambang-lihum", 0.15),
        ]),
        weight: 22.0,
        season: FLAT,
        place: Place::Office,
        sensitive: false,
        misroute: Some((
            Misroute::Province("dinkes"),
            "Penagihan biaya kepada pasien dilakukan oleh rumah sakit. Mohon diteruskan ke RSUD yang bersangkutan.",
        )),
        titles: &[
            "Pasien BPJS disuruh membeli obat sendiri di {rs}",
            "Pasien BPJS ditolak rawat inap karena kamar penuh",
        ],
        pairs: &[],
        bodies: &[
            "Ayah saya pasien BPJS dirawat di {rs}, tetapi keluarga disuruh membeli sendiri beberapa obat di apotek luar. Bukankah obat itu seharusnya ditanggung?",
            "Adik saya datang ke IGD {rs} dan dinyatakan harus dirawat, tetapi pihak rumah sakit bilang kamar kelas BPJS penuh dan kami diminta pindah ke kamar umum dengan biaya sendiri.",
        ],
        follow_ups: &[
            "Kami telah mengklarifikasi ke instalasi farmasi; obat tersebut termasuk formularium nasional dan biaya yang sudah dikeluarkan keluarga dikembalikan.",
            "Pasien sudah mendapat kamar sesuai hak kelasnya. Kami juga menambah informasi ketersediaan tempat tidur yang dapat dilihat keluarga pasien.",
        ],
    },
    Topic {
        key: "petugas-tidak-ramah",
        kind: Pengaduan,
        handler: Handler::Province(&[
            ("rsud-ulin", 0.3),
            ("rsud-ansari-saleh", 0.2),
            ("samsat-bjm1", 0.2),
            ("samsat-bjb", 0.15),
            ("labkesda", 0.15),
        ]),
        weight: 14.0,
        season: FLAT,
        place: Place::Office,
        sensitive: true,
        misroute: None,
        titles: &["Petugas loket {unit} tidak ramah", "Sikap petugas {unit} kurang sopan kepada warga"],
        pairs: &[],
        bodies: &[
            "Saat saya bertanya di loket {unit}, petugasnya menjawab dengan nada tinggi dan menyuruh saya membaca sendiri papan pengumuman. Banyak warga lain mengalami hal yang sama.",
            "Petugas di {unit} sibuk bermain ponsel saat antrean panjang dan tidak melayani ketika ditanya. Mohon pelayanannya dibina.",
        ],
        follow_ups: &[
            "Petugas yang bersangkutan sudah dipanggil dan diberi pembinaan oleh atasan langsung. Kami juga menambah petugas informasi di ruang tunggu.",
        ],
    },
    Topic {
        key: "rsj-fasilitas",
        kind: Pengaduan,
        handler: Handler::Province(&[("rsj-sambang-lihum", 1.0)]),
        weight: 6.0,
        season: FLAT,
        place: Place::Office,
        sensitive: true,
        misroute: None,
        titles: &[
            "Ruang tunggu IGD RSJ Sambang Lihum sempit",
            "Obat pasien jiwa sering kosong di apotek RSJ",
        ],
        pairs: &[],
        bodies: &[
            "Keluarga pasien di IGD RSJ Sambang Lihum harus menunggu di luar tanpa atap karena ruang tunggu sangat sempit. Saat hujan kami kebasahan.",
            "Obat rutin untuk saudara saya yang berobat jalan di RSJ Sambang Lihum sudah dua kali kosong. Kami harus membeli di luar dengan harga mahal.",
        ],
        follow_ups: &[
            "Manajemen RSJ telah menambah kanopi di ruang tunggu IGD dan mempercepat pengadaan obat melalui katalog elektronik.",
        ],
    },
    Topic {
        key: "samsat-antrean",
        kind: Pengaduan,
        handler: Handler::Province(&[("samsat-bjm1", 0.55), ("samsat-bjb", 0.45)]),
        weight: 26.0,
        season: TAX,
        place: Place::Office,
        sensitive: true,
        misroute: Some((
            Misroute::Province("bapenda"),
            "Pelayanan di loket dilaksanakan oleh UPPD Samsat yang bersangkutan. Mohon diteruskan ke unit tersebut.",
        )),
        titles: &[
            "Calo berkeliaran di {samsat}",
            "Antrean perpanjangan STNK di {samsat} sangat lama",
            "Diminta biaya tambahan di loket {samsat}",
        ],
        pairs: &[],
        bodies: &[
            "Di halaman {samsat} banyak calo yang menawarkan jasa pengurusan dan petugas seperti membiarkan. Warga yang mengurus sendiri justru dilayani lebih lama.",
            "Saya antre perpanjangan STNK lima tahunan di {samsat} dari pagi sampai siang. Hanya dua loket yang buka padahal antrean sangat panjang.",
            "Saat cek fisik kendaraan di {samsat} saya diminta membayar uang tambahan tanpa kuitansi. Apakah biaya itu resmi?",
        ],
        follow_ups: &[
            "Kami telah menertibkan calo di area kantor bersama kepolisian dan memasang pengumuman biaya resmi di setiap loket. Petugas yang meminta biaya tambahan diperiksa.",
            "Jumlah loket yang buka sudah ditambah pada jam sibuk dan antrean kini memakai nomor urut elektronik.",
            "Petugas yang meminta biaya tambahan sudah diperiksa dan dibebastugaskan dari loket. Rincian biaya resmi kini dipasang di setiap loket dan dapat dicek melalui aplikasi Samsat.",
        ],
    },
    Topic {
        key: "air-bpam",
        kind: Pengaduan,
        handler: Handler::Province(&[("bpam-banjarbakula", 1.0)]),
        weight: 12.0,
        season: DRY,
        place: Place::Street,
        sensitive: false,
        misroute: Some((
            Misroute::Regency,
            "Gangguan ini berasal dari pasokan air curah BPAM Banjarbakula ke PDAM. Mohon diteruskan ke UPTD BPAM.",
        )),
        titles: &["Pasokan air curah ke {kec} terhenti", "Air PDAM keruh akibat pasokan dari BPAM"],
        pairs: &[],
        bodies: &[
            "Sudah {lama} air di {lokasi} mati total. Menurut PDAM setempat, pasokan air curah dari BPAM Banjarbakula sedang berkurang. Mohon kepastian kapan normal kembali.",
            "Air yang mengalir ke rumah kami di {lokasi} keruh kecoklatan dan berbau lumpur. PDAM mengatakan air bakunya dari BPAM.",
        ],
        follow_ups: &[
            "Gangguan disebabkan perbaikan pipa transmisi; pasokan air curah sudah kembali normal dan pembilasan jaringan dilakukan bersama PDAM.",
        ],
    },
    Topic {
        key: "blk",
        kind: PermintaanInformasi,
        handler: Handler::Province(&[("blk", 1.0)]),
        weight: 9.0,
        season: [1.6, 1.4, 1.0, 0.8, 0.8, 0.9, 1.0, 1.0, 0.9, 0.8, 0.8, 1.0],
        place: Place::Office,
        sensitive: false,
        misroute: None,
        titles: &["Seleksi peserta pelatihan BLK tidak transparan", "Informasi pendaftaran pelatihan di BLK"],
        pairs: &[],
        bodies: &[
            "Saya sudah ikut tes dan wawancara pelatihan las di BLK, tetapi pengumuman peserta yang lolos tidak pernah dipublikasikan. Bagaimana cara mengetahui hasilnya?",
            "Mohon informasi jadwal pendaftaran pelatihan kejuruan di BLK Provinsi untuk tahun ini dan apakah ada batasan usia peserta.",
        ],
        follow_ups: &[
            "Hasil seleksi sudah diumumkan di papan informasi dan akun media sosial BLK. Jadwal gelombang berikutnya juga kami sampaikan kepada pelapor.",
        ],
    },
    Topic {
        key: "lab-hasil",
        kind: Pengaduan,
        handler: Handler::Province(&[("labkesda", 1.0)]),
        weight: 5.0,
        season: FLAT,
        place: Place::Office,
        sensitive: false,
        misroute: None,
        titles: &["Hasil uji laboratorium lama keluar", "Hasil uji air sumur belum diterima"],
        pairs: &[],
        bodies: &[
            "Saya memeriksakan sampel air sumur ke Labkesda sejak {lama}, tetapi hasilnya belum keluar padahal dijanjikan satu minggu.",
            "Hasil pemeriksaan laboratorium untuk syarat kerja belum juga bisa diambil. Saya sudah dua kali datang dan disuruh kembali lagi.",
        ],
        follow_ups: &[
            "Hasil uji sudah selesai dan dapat diambil di loket atau dikirim melalui surel. Kami menambah tenaga analis agar waktu layanan sesuai standar.",
        ],
    },
    // ----- Regencies and cities -----
    Topic {
        key: "adminduk",
        kind: Pengaduan,
        handler: Handler::Regency,
        weight: 80.0,
        season: [1.0, 1.0, 1.0, 0.9, 1.0, 1.3, 1.2, 1.0, 0.9, 0.9, 0.9, 1.0],
        place: Place::Street,
        sensitive: false,
        misroute: Some((
            Misroute::Province("diskominfo"),
            "Penerbitan KTP-el dan KK merupakan kewenangan Disdukcapil kabupaten/kota. Mohon diteruskan.",
        )),
        titles: &[
            "KTP-el belum jadi setelah perekaman",
            "Blangko KTP-el habis di Disdukcapil {kota}",
            "Pengurusan akta kelahiran anak lambat",
            "Perubahan data KK belum selesai",
        ],
        pairs: &[0, 0, 1, 2],
        bodies: &[
            "Saya sudah melakukan perekaman KTP-el di kecamatan {kec} sejak {lama}, tetapi sampai sekarang KTP belum dicetak. Setiap ditanya jawabannya blangko kosong.",
            "Saya mengurus akta kelahiran anak di Disdukcapil {kota}. Berkas sudah lengkap dan diserahkan, namun sudah {lama} belum selesai, padahal dibutuhkan untuk mendaftar sekolah.",
            "Perubahan data di Kartu Keluarga setelah pindah alamat ke {lokasi} belum diproses. Akibatnya saya tidak bisa mengurus BPJS untuk anggota keluarga.",
        ],
        follow_ups: &[
            "KTP-el pelapor sudah dicetak dan dapat diambil di kantor Disdukcapil atau di kecamatan. Stok blangko sudah kembali tersedia.",
            "Akta kelahiran telah selesai dan dikirim dalam bentuk dokumen elektronik yang dapat dicetak sendiri. Terima kasih atas kesabarannya.",
            "Data KK sudah diperbarui. Pelapor dapat mencetak KK terbaru melalui layanan daring Disdukcapil.",
        ],
    },
    Topic {
        key: "pju",
        kind: Pengaduan,
        handler: Handler::Regency,
        weight: 40.0,
        season: FLAT,
        place: Place::Street,
        sensitive: false,
        misroute: Some((
            Misroute::Province("dishub"),
            "Lampu penerangan jalan di ruas tersebut dikelola pemerintah kabupaten/kota. Mohon diteruskan.",
        )),
        titles: &[
            "Lampu jalan mati di {jalan}",
            "PJU padam sepanjang {jalan}, rawan kejahatan",
            "Lampu penerangan jalan di {kec} sudah lama mati",
        ],
        pairs: &[0, 0, 1],
        bodies: &[
            "Lampu penerangan jalan di {lokasi} sudah {lama} mati. Jalan jadi gelap gulita pada malam hari dan sudah terjadi penjambretan di sini.",
            "Sepanjang {lokasi} ada sekitar delapan tiang lampu jalan yang padam. Warga khawatir karena banyak pengendara yang melintas malam hari.",
        ],
        follow_ups: &[
            "Tim pemeliharaan PJU sudah mengganti lampu dan memperbaiki instalasi di lokasi. Seluruh lampu di ruas tersebut kembali menyala.",
            "Petugas telah memperbaiki panel listrik yang rusak dan menyalakan kembali lampu jalan.",
        ],
    },
    Topic {
        key: "jalan-kabupaten",
        kind: Pengaduan,
        handler: Handler::Regency,
        weight: 60.0,
        season: RAINY,
        place: Place::Street,
        sensitive: false,
        misroute: Some((
            Misroute::Province("dpupr"),
            "Ruas jalan yang dilaporkan berstatus jalan kabupaten/kota sehingga bukan kewenangan Dinas PUPR Provinsi. Mohon diteruskan ke pemerintah kabupaten/kota.",
        )),
        titles: &[
            "Jalan lingkungan rusak di {kec}",
            "Jembatan kayu di {kec} lapuk dan berbahaya",
            "Jalan desa di {kec} berlumpur saat hujan",
        ],
        pairs: &[],
        bodies: &[
            "Jalan di {lokasi} rusak berat dan berlumpur setiap hujan. Anak-anak ke sekolah harus melepas sepatu dan motor sering terjebak.",
            "Jembatan kayu penghubung di {lokasi} papannya sudah banyak yang lapuk dan berlubang. Sudah ada warga yang terperosok. Mohon segera diganti sebelum ada korban.",
            "Jalan poros desa di {lokasi} sudah {lama} rusak dan tidak pernah diperbaiki. Hasil kebun warga sulit diangkut ke pasar.",
        ],
        follow_ups: &[
            "Dinas PUPR kabupaten telah melakukan perbaikan dengan penimbunan dan pemadatan. Pengaspalan masuk usulan musrenbang tahun depan.",
            "Papan jembatan yang rusak sudah diganti dan dipasang pagar pengaman. Rehabilitasi total jembatan dianggarkan tahun depan.",
            "Ruas jalan poros desa tersebut sudah ditimbun dan dipadatkan oleh UPT PUPR kecamatan. Pengerasan jalan diusulkan melalui dana desa dan APBD tahun depan.",
        ],
    },
    Topic {
        key: "pdam",
        kind: Pengaduan,
        handler: Handler::Regency,
        weight: 42.0,
        season: DRY,
        place: Place::Street,
        sensitive: false,
        misroute: Some((
            Misroute::Province("bpam-banjarbakula"),
            "Jaringan distribusi ke rumah pelanggan dikelola PDAM kabupaten/kota, bukan BPAM. Mohon diteruskan.",
        )),
        titles: &[
            "Air PDAM tidak mengalir di {kec}",
            "Air PDAM keruh dan berbau",
            "Tagihan PDAM naik padahal air sering mati",
        ],
        pairs: &[],
        bodies: &[
            "Sudah {lama} air PDAM di {lokasi} tidak mengalir atau hanya menetes tengah malam. Kami terpaksa membeli air galon untuk mandi dan memasak.",
            "Air PDAM yang mengalir ke rumah kami di {lokasi} keruh dan berbau kaporit menyengat. Tidak bisa dipakai untuk memasak.",
            "Tagihan PDAM bulan ini naik hampir dua kali lipat, padahal air di {lokasi} lebih sering mati. Mohon meteran diperiksa.",
        ],
        follow_ups: &[
            "Petugas PDAM sudah memperbaiki kebocoran pipa distribusi di wilayah tersebut. Aliran air kembali normal sejak kemarin sore.",
            "Petugas PDAM telah menguras jaringan pipa di wilayah tersebut dan menyesuaikan dosis kaporit di instalasi pengolahan. Hasil uji kualitas air sudah kembali memenuhi syarat.",
            "Meteran pelanggan sudah diperiksa dan ditemukan rusak; meteran telah diganti dan tagihan dikoreksi pada bulan berikutnya.",
        ],
    },
    Topic {
        key: "sampah",
        kind: Pengaduan,
        handler: Handler::Regency,
        weight: 40.0,
        season: [1.2, 1.1, 1.0, 1.1, 1.0, 0.9, 0.9, 0.9, 0.9, 1.0, 1.0, 1.1],
        place: Place::Street,
        sensitive: false,
        misroute: Some((
            Misroute::Province("dlh"),
            "Pengangkutan sampah rumah tangga merupakan kewenangan pemerintah kabupaten/kota. Mohon diteruskan ke DLH setempat.",
        )),
        titles: &[
            "Sampah menumpuk di TPS {jalan}",
            "TPS liar di pinggir jalan {kec}",
            "Sampah tidak diangkut sudah seminggu",
        ],
        pairs: &[0, 1, 0],
        bodies: &[
            "Sampah di TPS {lokasi} sudah {lama} tidak diangkut dan meluber sampai ke badan jalan. Baunya menyengat dan banyak lalat.",
            "Ada tempat pembuangan sampah liar di pinggir jalan {lokasi}. Warga dari luar kampung membuang sampah pada malam hari.",
        ],
        follow_ups: &[
            "Sampah di TPS tersebut sudah diangkut dan jadwal pengangkutan ditambah menjadi setiap hari. Petugas kebersihan juga membersihkan sisa sampah di badan jalan.",
            "TPS liar sudah dibersihkan dan dipasang papan larangan membuang sampah. Pengawasan dilakukan bersama ketua RT setempat.",
        ],
    },
    Topic {
        key: "banjir-lokal",
        kind: Pengaduan,
        handler: Handler::Regency,
        weight: 30.0,
        season: RAINY,
        place: Place::Street,
        sensitive: false,
        misroute: Some((
            Misroute::Province("bpbd"),
            "Genangan akibat drainase lingkungan merupakan kewenangan pemerintah kabupaten/kota. Mohon diteruskan.",
        )),
        titles: &[
            "Drainase tersumbat, {jalan} tergenang",
            "Banjir rob merendam permukiman di {kec}",
            "Saluran air di {kec} tidak pernah dibersihkan",
        ],
        pairs: &[0, 1, 0],
        bodies: &[
            "Setiap hujan deras {lokasi} tergenang setinggi betis karena drainase tersumbat sampah dan sedimen. Air masuk ke rumah warga.",
            "Saat air pasang, banjir rob merendam permukiman di {lokasi}. Sudah {lama} kondisi ini berulang dan belum ada penanganan.",
        ],
        follow_ups: &[
            "Petugas telah menormalisasi saluran drainase di lokasi dan mengangkut sedimen. Genangan surut lebih cepat setelah pembersihan.",
            "Kami telah menurunkan alat berat untuk pengerukan saluran dan memasang pompa sementara di titik genangan.",
        ],
    },
    Topic {
        key: "ppdb-smp",
        kind: Pengaduan,
        handler: Handler::Regency,
        weight: 25.0,
        season: ADMISSION,
        place: Place::Street,
        sensitive: false,
        misroute: Some((
            Misroute::Province("disdikbud"),
            "Penerimaan murid baru jenjang SD dan SMP merupakan kewenangan dinas pendidikan kabupaten/kota. Mohon diteruskan.",
        )),
        titles: &["Zonasi SPMB SMP di {kota} tidak adil", "Anak tidak diterima di SD negeri terdekat"],
        pairs: &[],
        bodies: &[
            "Anak saya tidak diterima di SMP negeri terdekat di {kec} padahal jaraknya kurang dari satu kilometer. Kami diarahkan ke sekolah yang jauh dan tidak ada angkutan umum.",
            "Anak kami ditolak masuk SD negeri di dekat rumah di {lokasi} karena kuota penuh, sementara ada murid dari luar zona yang diterima.",
        ],
        follow_ups: &[
            "Dinas pendidikan kabupaten telah memverifikasi ulang data zonasi. Anak pelapor mendapat tempat pada penambahan rombongan belajar.",
        ],
    },
    Topic {
        key: "puskesmas",
        kind: Pengaduan,
        handler: Handler::Regency,
        weight: 22.0,
        season: FLAT,
        place: Place::Street,
        sensitive: false,
        misroute: Some((
            Misroute::Province("dinkes"),
            "Puskesmas dikelola oleh dinas kesehatan kabupaten/kota. Mohon diteruskan.",
        )),
        titles: &["Obat kosong di Puskesmas {kec}", "Puskesmas {kec} tutup sebelum jam layanan berakhir"],
        pairs: &[],
        bodies: &[
            "Saya berobat ke Puskesmas {kec} tetapi obat yang diresepkan kosong dan saya disuruh membeli di apotek luar. Ini sudah terjadi beberapa kali.",
            "Puskesmas {kec} sudah tutup pukul sebelas siang padahal jadwal layanan sampai pukul dua. Pasien yang datang terpaksa pulang.",
        ],
        follow_ups: &[
            "Kepala puskesmas telah diminta memperbaiki jadwal layanan. Stok obat sudah dipenuhi dari gudang farmasi kabupaten.",
        ],
    },
    Topic {
        key: "ketertiban",
        kind: Pengaduan,
        handler: Handler::Regency,
        weight: 24.0,
        season: [1.0, 1.0, 1.3, 1.3, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.3],
        place: Place::Street,
        sensitive: false,
        misroute: Some((
            Misroute::Province("satpolpp"),
            "Penertiban PKL dan parkir di jalan kabupaten/kota merupakan kewenangan Satpol PP kabupaten/kota. Mohon diteruskan.",
        )),
        titles: &[
            "Parkir liar di depan pasar {kec}",
            "PKL menutup trotoar di {jalan}",
            "Juru parkir liar meminta tarif berlebihan",
        ],
        pairs: &[0, 1, 0],
        bodies: &[
            "Di {lokasi} banyak kendaraan parkir di badan jalan dan juru parkir liar memungut tarif sesukanya. Jalan jadi macet setiap pagi.",
            "Pedagang kaki lima di {lokasi} berjualan di trotoar sampai ke badan jalan. Pejalan kaki terpaksa berjalan di jalan raya.",
        ],
        follow_ups: &[
            "Satpol PP telah melakukan penertiban dan memberikan teguran kepada pedagang. Petugas berjaga di lokasi pada jam sibuk.",
        ],
    },
    Topic {
        key: "pelayanan-kelurahan",
        kind: Pengaduan,
        handler: Handler::Regency,
        weight: 18.0,
        season: FLAT,
        place: Place::Street,
        sensitive: true,
        misroute: None,
        titles: &["Pengurusan SKTM di kelurahan dipersulit", "Diminta uang untuk surat keterangan waris"],
        pairs: &[],
        bodies: &[
            "Saya mengurus SKTM di kantor kelurahan di {kec} untuk keringanan biaya rumah sakit, tetapi disuruh bolak-balik karena pejabatnya tidak ada di tempat.",
            "Untuk surat keterangan waris di kantor desa {kec}, kami diminta membayar sejumlah uang tanpa tanda terima. Apakah ada tarif resminya?",
        ],
        follow_ups: &[
            "Camat telah menegur aparat kelurahan yang bersangkutan. Surat pelapor sudah diterbitkan tanpa biaya sesuai ketentuan.",
        ],
    },
    Topic {
        key: "bansos-pkh",
        kind: Pengaduan,
        handler: Handler::Regency,
        weight: 20.0,
        season: FLAT,
        place: Place::Street,
        sensitive: false,
        misroute: Some((
            Misroute::Province("dinsos"),
            "Penyaluran PKH dan bantuan pangan di desa dikoordinasikan Dinas Sosial kabupaten/kota. Mohon diteruskan.",
        )),
        titles: &["Bantuan PKH tidak cair sejak beberapa bulan", "Bantuan beras tidak diterima warga {kec}"],
        pairs: &[],
        bodies: &[
            "Saya penerima PKH di {lokasi}, tetapi sudah {lama} bantuannya tidak masuk ke rekening. Pendamping hanya bilang disuruh menunggu.",
            "Beberapa warga di {lokasi} yang terdaftar sebagai penerima bantuan beras tidak menerima jatahnya, padahal nama mereka ada di daftar.",
        ],
        follow_ups: &[
            "Dinas Sosial kabupaten telah memeriksa status penerima. Rekening yang bermasalah sudah diperbaiki dan bantuan akan cair pada tahap berikutnya.",
        ],
    },
    Topic {
        key: "listrik",
        kind: Pengaduan,
        handler: Handler::Regency,
        weight: 14.0,
        season: [1.2, 1.1, 1.0, 0.9, 0.9, 0.9, 1.0, 1.1, 1.2, 1.2, 1.1, 1.2],
        place: Place::Street,
        sensitive: false,
        misroute: Some((
            Misroute::Province("desdm"),
            "Gangguan jaringan distribusi listrik rumah tangga ditangani PLN melalui pemerintah kabupaten/kota. Mohon diteruskan.",
        )),
        titles: &["Listrik padam berjam-jam di {kec}", "Desa di {kec} belum teraliri listrik"],
        pairs: &[],
        bodies: &[
            "Listrik di {lokasi} padam hampir setiap hari selama berjam-jam tanpa pemberitahuan. Peralatan elektronik warga banyak yang rusak.",
            "Masih ada dusun di {lokasi} yang belum teraliri listrik PLN. Warga memakai genset yang biayanya mahal.",
        ],
        follow_ups: &[
            "Laporan sudah diteruskan ke PLN UP3 setempat. Petugas PLN telah mengganti trafo yang kelebihan beban dan pemadaman berkurang.",
        ],
    },
    Topic {
        key: "bangunan-liar",
        kind: Pengaduan,
        handler: Handler::Regency,
        weight: 10.0,
        season: FLAT,
        place: Place::Street,
        sensitive: false,
        misroute: None,
        titles: &["Bangunan liar berdiri di atas saluran air", "Pembangunan ruko tanpa PBG di {kec}"],
        pairs: &[],
        bodies: &[
            "Ada bangunan semi permanen yang didirikan di atas saluran air di {lokasi}. Akibatnya air tidak lancar dan lingkungan sering tergenang.",
            "Sedang dibangun ruko di {lokasi} yang menurut warga tidak punya PBG dan melanggar garis sempadan jalan.",
        ],
        follow_ups: &[
            "Tim gabungan telah memeriksa lokasi; pemilik bangunan diberi surat peringatan dan diminta mengurus PBG atau membongkar sendiri.",
        ],
    },
    Topic {
        key: "usulan-warga",
        kind: Aspirasi,
        handler: Handler::Regency,
        weight: 16.0,
        season: FLAT,
        place: Place::Street,
        sensitive: false,
        misroute: None,
        titles: &[
            "Usulan pembangunan taman bermain di {kec}",
            "Usulan penambahan angkutan umum ke {kota}",
            "Usulan pemasangan polisi tidur di {jalan}",
        ],
        pairs: &[],
        bodies: &[
            "Kami warga {lokasi} mengusulkan agar lahan kosong milik pemerintah dijadikan taman bermain anak. Saat ini anak-anak bermain di pinggir jalan.",
            "Kami mengusulkan penambahan trayek angkutan umum dari kecamatan {kec} ke pusat {kota} karena banyak pelajar dan pedagang yang tidak punya kendaraan.",
            "Kendaraan sering melaju kencang di {lokasi}, dekat sekolah dan masjid. Kami mengusulkan pemasangan polisi tidur dan rambu hati-hati.",
        ],
        follow_ups: &[
            "Usulan telah kami catat dan akan dibahas dalam musrenbang kecamatan. Terima kasih atas partisipasinya.",
        ],
    },
    Topic {
        key: "sertifikat-tanah",
        kind: PermintaanInformasi,
        handler: Handler::Regency,
        weight: 10.0,
        season: FLAT,
        place: Place::Street,
        sensitive: false,
        misroute: None,
        titles: &["Informasi program sertifikat tanah gratis", "Sengketa batas lahan dengan tetangga"],
        pairs: &[],
        bodies: &[
            "Mohon informasi apakah desa kami di {lokasi} termasuk program sertifikasi tanah gratis tahun ini dan apa saja syaratnya.",
            "Saya mempunyai sengketa batas tanah dengan tetangga di {lokasi}. Ke mana kami harus mengajukan mediasi sebelum ke pengadilan?",
        ],
        follow_ups: &[
            "Pelapor sudah kami arahkan ke kantor pertanahan setempat. Mediasi batas lahan dapat difasilitasi kantor desa dan kecamatan.",
        ],
    },
];

/// Spam and unintelligible reports that the coordinator archives.
pub(crate) const SPAM_TITLES: &[&str] = &[
    "Pinjaman dana cepat tanpa jaminan",
    "Tes kirim laporan dari aplikasi",
    "Info lowongan kerja online gaji harian",
    "Promo pulsa murah hari ini",
];
pub(crate) const SPAM_BODIES: &[&str] = &[
    "Butuh dana cepat? Pinjaman tanpa jaminan, cair dalam satu jam. Hubungi admin kami sekarang juga, proses mudah dan bunga ringan.",
    "Tes tes, ini hanya percobaan mengirim laporan lewat aplikasi. Abaikan saja pesan ini ya, terima kasih banyak.",
    "Dibutuhkan pekerja online, kerja dari rumah hanya dengan ponsel, gaji harian langsung cair. Minat silakan hubungi nomor di profil.",
];

/// The agency's first answer, before the follow-up.
pub(crate) const RESPONSES: &[&str] = &[
    "Terima kasih atas laporan Bapak/Ibu. Laporan sudah kami terima dan diteruskan ke bidang terkait untuk ditindaklanjuti.",
    "Terima kasih, informasi ini sangat membantu. Kami sedang berkoordinasi dengan unit terkait untuk penanganannya.",
    "Laporan sudah kami terima dan sedang kami pelajari. Perkembangan penanganannya akan kami sampaikan melalui kanal ini.",
    "Terima kasih telah melapor. Permasalahan ini sudah kami catat dan akan ditangani sesuai prosedur yang berlaku.",
];

/// The first answer to a report about a place: someone will go and look.
pub(crate) const FIELD_RESPONSES: &[&str] = &[
    "Laporan Saudara telah kami terima. Tim kami akan melakukan pengecekan ke lokasi dalam waktu dekat.",
    "Terima kasih atas laporannya. Petugas lapangan kami jadwalkan meninjau lokasi pekan ini.",
];

/// What the coordinator asks when a report lacks something.
pub(crate) const HOLD_REASONS: &[&str] = &[
    "Mohon lengkapi lokasi kejadian secara rinci (nama jalan, RT, atau patokan terdekat) agar laporan dapat kami teruskan.",
    "Mohon jelaskan waktu kejadian dan nama unit layanan yang dimaksud agar dapat kami teruskan ke instansi yang tepat.",
    "Mohon lampirkan keterangan tambahan, misalnya nomor antrean, nomor pendaftaran, atau foto kondisi di lapangan.",
];

/// What reporters add when asked.
pub(crate) const INFO_ADDED: &[&str] = &[
    "Lokasinya di {lokasi}, dekat masjid dan warung sembako. Kondisinya masih sama sampai hari ini.",
    "Kejadiannya pada pagi hari sekitar pukul sembilan. Saya juga sudah menanyakan ke petugas tetapi tidak ada jawaban.",
    "Tambahan informasi: sudah ada beberapa warga lain yang mengalami hal yang sama di {kec}.",
];

/// Reporters' disputes of a follow-up.
pub(crate) const DISPUTES: &[&str] = &[
    "Sampai hari ini belum ada perbaikan di lokasi, kondisinya masih sama seperti yang saya laporkan.",
    "Petugas memang sudah datang, tetapi masalahnya belum selesai dan sekarang terjadi lagi.",
    "Tindak lanjutnya belum sesuai dengan yang saya laporkan. Mohon dicek kembali.",
];

/// An agency's second follow-up after a dispute.
pub(crate) const SECOND_FOLLOW_UPS: &[&str] = &[
    "Petugas kembali turun ke lokasi bersama pelapor dan sisa permasalahan telah diselesaikan. Mohon maaf atas ketidaknyamanannya.",
    "Kami telah memeriksa ulang di lapangan dan melakukan perbaikan lanjutan. Mohon informasikan kembali bila masih ada kendala.",
];

/// Thanks a reporter adds after a follow-up.
pub(crate) const THANKS: &[&str] = &[
    "Terima kasih, sudah saya cek dan memang sudah ditangani.",
    "Terima kasih atas tanggapannya, semoga pelayanan terus membaik.",
];

/// Reporters' names, Banjar and wider Indonesian: a first name, often
/// followed by a second one, by gender (Indonesians have no family names).
/// First names that are rarely used alone.
pub(crate) const NAME_PREFIXES: &[&str] = &[
    "Muhammad", "Ahmad", "Akhmad", "Abdul", "Gusti", "Siti", "Nor", "Noor", "Nurul", "Syarifah", "Rabiatul",
];
pub(crate) const MEN: (&[&str], &[&str]) = (
    &[
        "Muhammad",
        "Ahmad",
        "Akhmad",
        "Rahmadi",
        "Fahrurrazi",
        "Syahrani",
        "Abdul",
        "Rusdiansyah",
        "Gusti",
        "Khairil",
        "Hendra",
        "Budi",
        "Agus",
        "Wahyudi",
        "Rahmat",
        "Aulia",
        "Zainal",
        "Iwan",
        "Fathurrahman",
        "Rizal",
        "Anang",
        "Supian",
        "Mursidi",
        "Hamdani",
        "Saukani",
        "Husin",
        "Taufik",
        "Masrani",
        "Noor",
    ],
    &[
        "Rizki",
        "Fauzi",
        "Hadi",
        "Riduan",
        "Anwar",
        "Saputra",
        "Santoso",
        "Salim",
        "Hidayat",
        "Rahman",
        "Arifin",
        "Setiawan",
        "Fahmi",
        "Syahrudin",
        "Noor",
        "Maulana",
        "Hasan",
        "Effendi",
        "Yusuf",
        "Zakaria",
        "Kurniawan",
        "Pratama",
        "Mahdi",
        "Ramadhan",
        "Ilmi",
    ],
);
pub(crate) const WOMEN: (&[&str], &[&str]) = (
    &[
        "Siti",
        "Nor",
        "Hairunnisa",
        "Noorlaila",
        "Rabiatul",
        "Fitriani",
        "Mahmudah",
        "Arbainah",
        "Jumiati",
        "Nurul",
        "Yuliani",
        "Dewi",
        "Rina",
        "Halimah",
        "Syarifah",
        "Normila",
        "Hasanah",
        "Masdiana",
        "Raudah",
        "Mariana",
        "Jamilah",
        "Lina",
        "Gusti",
        "Aulia",
    ],
    &[
        "Aisyah",
        "Hidayah",
        "Adawiyah",
        "Rahmah",
        "Hikmah",
        "Lestari",
        "Wati",
        "Ramadhani",
        "Amelia",
        "Susanti",
        "Rahmawati",
        "Fitria",
        "Safitri",
        "Maulida",
        "Jannah",
        "Khairunnisa",
    ],
);

/// How long a problem has lasted, as people say it.
pub(crate) const DURATIONS: &[&str] = &[
    "tiga hari",
    "hampir seminggu",
    "dua minggu",
    "sebulan lebih",
    "beberapa bulan",
    "lebih dari tiga bulan",
];
