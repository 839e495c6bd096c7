-- Assessments (asesmen, DOMAIN.md §3.4) as data: versioned forms of sections and questions (choice, multiple
-- choice, number, text, date, yes/no; show-if conditions; required rules), national ones here, a district's
-- own versions published by its manager. An assessment is a complaint's answers to one form version, checked
-- against its rules before it is stored. The quick and deep forms below are version 1 of the national forms.
create table assessment_form (
    id           uuid        not null,
    kind         text        not null,
    regency_code text collate "C",
    version      integer     not null,
    definition   jsonb       not null,
    published_by uuid,
    published_at timestamptz not null,
    constraint pk_assessment_form primary key (id),
    constraint ck_assessment_form_kind check (kind in ('QUICK', 'DEEP')),
    constraint fk_assessment_form_regency foreign key (regency_code) references region (code)
);
-- one version number per kind and district (the national forms: no district)
create unique index uq_assessment_form_version on assessment_form (kind, coalesce(regency_code, ''), version);

create table assessment (
    id           uuid        not null,
    complaint_id uuid        not null,
    form_id      uuid        not null,
    answers      jsonb       not null,
    submitted_by uuid        not null,
    submitted_at timestamptz not null,
    constraint pk_assessment primary key (id),
    constraint fk_assessment_complaint foreign key (complaint_id) references complaint (id),
    constraint fk_assessment_form foreign key (form_id) references assessment_form (id)
);
create index ix_assessment_complaint on assessment (complaint_id, submitted_at);

insert into assessment_form (id, kind, regency_code, version, definition, published_at) values
('5e1ec7ed-0000-4000-8000-00000000a001', 'QUICK', null, 1, $json$
{
 "title": "Asesmen cepat",
 "sections": [
  {
   "id": "keadaan",
   "title": "Keadaan saat ini",
   "questions": [
    {
     "id": "urgency",
     "label": "Seberapa mendesak?",
     "type": "CHOICE",
     "required": true,
     "options": [
      {
       "value": "SEGERA",
       "label": "Darurat: perlu tindakan hari ini"
      },
      {
       "value": "CEPAT",
       "label": "Mendesak: dalam 7 hari"
      },
      {
       "value": "BIASA",
       "label": "Biasa"
      }
     ]
    },
    {
     "id": "safe",
     "label": "Apakah orang tersebut aman di tempatnya sekarang?",
     "type": "YES_NO",
     "required": true
    },
    {
     "id": "danger",
     "label": "Apa yang membuatnya tidak aman?",
     "type": "MULTI_CHOICE",
     "required": true,
     "options": [
      {
       "value": "KEKERASAN",
       "label": "Kekerasan dalam rumah tangga"
      },
      {
       "value": "PENELANTARAN",
       "label": "Penelantaran"
      },
      {
       "value": "TANPA_TEMPAT",
       "label": "Tidak punya tempat tinggal"
      },
      {
       "value": "BENCANA",
       "label": "Bencana"
      },
      {
       "value": "LAINNYA",
       "label": "Lainnya"
      }
     ],
     "showIf": {
      "question": "safe",
      "anyOf": [
       "false"
      ]
     }
    },
    {
     "id": "sick",
     "label": "Ada anggota keluarga yang sakit dan belum berobat?",
     "type": "YES_NO",
     "required": true
    },
    {
     "id": "sickDescription",
     "label": "Siapa dan sakit apa?",
     "type": "TEXT",
     "required": true,
     "maxLength": 500,
     "showIf": {
      "question": "sick",
      "anyOf": [
       "true"
      ]
     }
    }
   ]
  },
  {
   "id": "kebutuhan",
   "title": "Kebutuhan segera",
   "questions": [
    {
     "id": "needs",
     "label": "Kebutuhan segera",
     "type": "MULTI_CHOICE",
     "required": true,
     "options": [
      {
       "value": "MAKANAN",
       "label": "Makanan"
      },
      {
       "value": "PENGOBATAN",
       "label": "Pengobatan"
      },
      {
       "value": "TEMPAT_TINGGAL",
       "label": "Tempat tinggal sementara"
      },
      {
       "value": "DOKUMEN",
       "label": "Dokumen kependudukan"
      },
      {
       "value": "PENDAMPINGAN",
       "label": "Pendampingan psikososial"
      },
      {
       "value": "SEKOLAH",
       "label": "Biaya sekolah"
      },
      {
       "value": "TIDAK_ADA",
       "label": "Tidak ada kebutuhan segera"
      }
     ]
    },
    {
     "id": "householdSize",
     "label": "Jumlah anggota keluarga serumah",
     "type": "NUMBER",
     "required": true,
     "min": 1,
     "max": 30
    },
    {
     "id": "notes",
     "label": "Catatan",
     "type": "TEXT",
     "required": false,
     "maxLength": 1000
    }
   ]
  }
 ]
}
$json$, '2026-11-25T00:00:00Z'),
('5e1ec7ed-0000-4000-8000-00000000a002', 'DEEP', null, 1, $json$
{
 "title": "Asesmen mendalam (kunjungan rumah)",
 "sections": [
  {
   "id": "kunjungan",
   "title": "Kunjungan",
   "questions": [
    {
     "id": "visitDate",
     "label": "Tanggal kunjungan rumah",
     "type": "DATE",
     "required": true
    },
    {
     "id": "metFamily",
     "label": "Bertemu langsung dengan keluarga?",
     "type": "YES_NO",
     "required": true
    }
   ]
  },
  {
   "id": "rumah",
   "title": "Kondisi rumah",
   "questions": [
    {
     "id": "roof",
     "label": "Atap terluas",
     "type": "CHOICE",
     "required": true,
     "options": [
      {
       "value": "CONCRETE",
       "label": "Beton"
      },
      {
       "value": "TILE",
       "label": "Genteng"
      },
      {
       "value": "ZINC",
       "label": "Seng"
      },
      {
       "value": "ASBESTOS",
       "label": "Asbes"
      },
      {
       "value": "WOOD",
       "label": "Kayu/sirap"
      },
      {
       "value": "THATCH",
       "label": "Ijuk/rumbia"
      },
      {
       "value": "OTHER",
       "label": "Lainnya"
      }
     ],
     "registryField": "roof"
    },
    {
     "id": "wall",
     "label": "Dinding terluas",
     "type": "CHOICE",
     "required": true,
     "options": [
      {
       "value": "BRICK",
       "label": "Tembok"
      },
      {
       "value": "CONCRETE",
       "label": "Beton"
      },
      {
       "value": "WOOD",
       "label": "Kayu/papan"
      },
      {
       "value": "BAMBOO",
       "label": "Bambu/anyaman"
      },
      {
       "value": "OTHER",
       "label": "Lainnya"
      }
     ],
     "registryField": "wall"
    },
    {
     "id": "floor",
     "label": "Lantai terluas",
     "type": "CHOICE",
     "required": true,
     "options": [
      {
       "value": "CERAMIC",
       "label": "Keramik/ubin"
      },
      {
       "value": "CEMENT",
       "label": "Semen/bata"
      },
      {
       "value": "WOOD",
       "label": "Kayu/papan"
      },
      {
       "value": "BAMBOO",
       "label": "Bambu"
      },
      {
       "value": "EARTH",
       "label": "Tanah"
      },
      {
       "value": "OTHER",
       "label": "Lainnya"
      }
     ],
     "registryField": "floor"
    },
    {
     "id": "floorAreaM2",
     "label": "Luas lantai (m²)",
     "type": "NUMBER",
     "required": true,
     "min": 1,
     "max": 2000,
     "registryField": "floorAreaM2"
    },
    {
     "id": "electricity",
     "label": "Sumber penerangan",
     "type": "CHOICE",
     "required": true,
     "options": [
      {
       "value": "PLN_450",
       "label": "Listrik PLN 450 VA"
      },
      {
       "value": "PLN_900",
       "label": "Listrik PLN 900 VA"
      },
      {
       "value": "PLN_1300",
       "label": "Listrik PLN 1.300 VA"
      },
      {
       "value": "PLN_2200_PLUS",
       "label": "Listrik PLN 2.200 VA atau lebih"
      },
      {
       "value": "PLN_NO_METER",
       "label": "Listrik PLN tanpa meteran"
      },
      {
       "value": "NON_PLN",
       "label": "Listrik non-PLN"
      },
      {
       "value": "NONE",
       "label": "Tidak ada listrik"
      }
     ],
     "registryField": "electricity"
    },
    {
     "id": "latrine",
     "label": "Fasilitas buang air besar",
     "type": "CHOICE",
     "required": true,
     "options": [
      {
       "value": "OWN",
       "label": "Milik sendiri"
      },
      {
       "value": "SHARED",
       "label": "Bersama"
      },
      {
       "value": "PUBLIC",
       "label": "Umum"
      },
      {
       "value": "NONE",
       "label": "Tidak ada"
      }
     ],
     "registryField": "latrine"
    },
    {
     "id": "drinkingWater",
     "label": "Sumber air minum",
     "type": "CHOICE",
     "required": true,
     "options": [
      {
       "value": "PIPED",
       "label": "Ledeng/PAM"
      },
      {
       "value": "PROTECTED_WELL",
       "label": "Sumur terlindung"
      },
      {
       "value": "PROTECTED_SPRING",
       "label": "Mata air terlindung"
      },
      {
       "value": "UNPROTECTED_WELL",
       "label": "Sumur tak terlindung"
      },
      {
       "value": "UNPROTECTED_SPRING",
       "label": "Mata air tak terlindung"
      },
      {
       "value": "RIVER",
       "label": "Sungai/danau"
      },
      {
       "value": "RAIN",
       "label": "Air hujan"
      },
      {
       "value": "BOTTLED",
       "label": "Air kemasan/isi ulang"
      }
     ],
     "registryField": "drinkingWater"
    }
   ]
  },
  {
   "id": "ekonomi",
   "title": "Pekerjaan dan aset",
   "questions": [
    {
     "id": "headWork",
     "label": "Pekerjaan utama kepala keluarga",
     "type": "CHOICE",
     "required": true,
     "options": [
      {
       "value": "TIDAK_BEKERJA",
       "label": "Tidak bekerja"
      },
      {
       "value": "BURUH_TANI",
       "label": "Buruh tani"
      },
      {
       "value": "PETANI",
       "label": "Petani"
      },
      {
       "value": "NELAYAN",
       "label": "Nelayan"
      },
      {
       "value": "BURUH",
       "label": "Buruh/karyawan"
      },
      {
       "value": "PEDAGANG",
       "label": "Pedagang/usaha kecil"
      },
      {
       "value": "LAINNYA",
       "label": "Lainnya"
      }
     ]
    },
    {
     "id": "monthlyIncome",
     "label": "Perkiraan penghasilan keluarga sebulan (Rp)",
     "type": "NUMBER",
     "required": true,
     "min": 0,
     "max": 100000000
    },
    {
     "id": "ownsLand",
     "label": "Memiliki tanah atau sawah?",
     "type": "YES_NO",
     "required": true
    },
    {
     "id": "assets",
     "label": "Aset yang dimiliki",
     "type": "MULTI_CHOICE",
     "required": false,
     "options": [
      {
       "value": "SEPEDA_MOTOR",
       "label": "Sepeda motor"
      },
      {
       "value": "TERNAK",
       "label": "Ternak"
      },
      {
       "value": "KULKAS",
       "label": "Kulkas"
      },
      {
       "value": "EMAS",
       "label": "Emas/perhiasan"
      },
      {
       "value": "TIDAK_ADA",
       "label": "Tidak ada"
      }
     ]
    }
   ]
  },
  {
   "id": "anggota",
   "title": "Kesehatan dan pendidikan",
   "questions": [
    {
     "id": "chronicIllness",
     "label": "Ada anggota keluarga dengan penyakit kronis atau katastropik?",
     "type": "YES_NO",
     "required": true
    },
    {
     "id": "jkn",
     "label": "Kepesertaan JKN anggota yang sakit",
     "type": "CHOICE",
     "required": true,
     "options": [
      {
       "value": "PBI_AKTIF",
       "label": "PBI-JK aktif"
      },
      {
       "value": "PBI_NONAKTIF",
       "label": "PBI-JK dinonaktifkan"
      },
      {
       "value": "MANDIRI",
       "label": "Mandiri"
      },
      {
       "value": "TIDAK_ADA",
       "label": "Tidak punya"
      }
     ],
     "showIf": {
      "question": "chronicIllness",
      "anyOf": [
       "true"
      ]
     }
    },
    {
     "id": "disability",
     "label": "Ada penyandang disabilitas?",
     "type": "YES_NO",
     "required": true
    },
    {
     "id": "childrenOutOfSchool",
     "label": "Anak usia 7–18 tahun yang tidak sekolah",
     "type": "NUMBER",
     "required": true,
     "min": 0,
     "max": 20
    }
   ]
  },
  {
   "id": "kesimpulan",
   "title": "Kesimpulan pendamping",
   "questions": [
    {
     "id": "rootCause",
     "label": "Akar masalah",
     "type": "TEXT",
     "required": true,
     "maxLength": 2000
    },
    {
     "id": "programs",
     "label": "Program yang layak diusulkan",
     "type": "MULTI_CHOICE",
     "required": false,
     "options": [
      {
       "value": "PBI_JK",
       "label": "PBI-JK"
      },
      {
       "value": "PKH",
       "label": "PKH"
      },
      {
       "value": "SEMBAKO",
       "label": "Sembako/BPNT"
      },
      {
       "value": "PIP",
       "label": "PIP/KIP"
      },
      {
       "value": "RTLH",
       "label": "Rehabilitasi rumah (RTLH)"
      },
      {
       "value": "ATENSI",
       "label": "ATENSI"
      },
      {
       "value": "ADMINDUK",
       "label": "Layanan adminduk"
      },
      {
       "value": "BLT_DD",
       "label": "BLT Dana Desa"
      },
      {
       "value": "BAZNAS",
       "label": "Baznas"
      }
     ]
    }
   ]
  }
 ]
}
$json$, '2026-11-25T00:00:00Z');
