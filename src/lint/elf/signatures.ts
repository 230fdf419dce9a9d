/**
 * Text signatures looked for in an ELF file's strings. The embedded-library rows are lintian
 * 2.116's /usr/share/lintian/data/binaries/embedded-libs (key, then the Perl regex rewritten for
 * JavaScript: `(?m)` and `(?i)` become flags, `\'` becomes `'`); lintian runs them over the output
 * of `strings --all`, one printable run per line, which is what `scanStrings` reproduces.
 *
 * `literals` are not lintian's: for each top-level alternative of the regex, a fixed piece of
 * text (at least 7 characters) that every match contains. The scanner looks for those pieces in
 * one pass over the file and runs a regex only on the runs that hold one.
 */
export interface Signature {
  key: string;
  regex: RegExp;
  literals: string[];
}

const row = (key: string, source: string, literals: string[], flags = ''): Signature => ({
  key,
  regex: new RegExp(source, `m${flags}`),
  literals,
});

export const EMBEDDED_LIBRARY_SIGNATURES: readonly Signature[] = [
  row('bzip2', '^This is a bug in bzip2', ['This is a bug in bzip2']),
  row('curl', 'A libcurl function was given a bad argument', ['A libcurl function was given']),
  row('expat', '^requested feature requires XML_DTD support in Expat', ['requires XML_DTD support']),
  row('file', '^could not find any (?:valid )?magic files', ['could not find any ']),
  row('freetype', 'HuaTianSongTi[?]', ['HuaTianSongTi?']),
  row('ftgl', 'FTGlyphContainer', ['FTGlyphContainer']),
  row('gl2ps', '\\(C\\) 1999-2009 C\\. Geuzaine', ['1999-2009 C. Geuzaine']),
  row('glee', 'Extension name exceeds 1023 characters\\.', ['Extension name exceeds 1023']),
  row('glew', 'Missing GL version', ['Missing GL version']),
  row('gmp', 'GNU MP: Cannot allocate memory', ['GNU MP: Cannot']),
  row('heimdal', 'Heimdal (?:NTLMSSP|SPNEGO) Mechanism', ['Heimdal ']),
  row('ieee-data', '(?:standards(?:-oui\\.ieee\\.org|\\.ieee\\.org/develop/regauth/oui)/oui\\.txt|DR\\. B\\. STRUCK)', ['/oui.txt', 'DR. B. STRUCK'], 'i'),
  row('lcms', 'cmsCreateTransform: intent mismatch', ['cmsCreateTransform: intent']),
  row('lcms2', 'Unsupported number of channels for VCGT', ['channels for VCGT']),
  row('libavcodec', 'insufficient thread locking around avcodec_open/close\\(\\)\\n', ['avcodec_open/close()']),
  row('libavdevice', 'Soundcard does not support 16 bit sample format\\n', ['Soundcard does not support 16']),
  row('libavfilter', 'Buffer video frames, and make them accessible to the filterchain\\.', ['accessible to the filterchain']),
  row('libavformat', 'Format detected only with low score of %d, misdetection possible!\\n', ['low score of %d, misdetection']),
  row('libavutil', 'AVOption type %d of option %s not implemented yet\\n', ['AVOption type %d']),
  row('libgd', 'gd-(?:png|jpeg:) error:', ['gd-png error:', 'gd-jpeg: error:']),
  row('libgadu', 'Gadu-Gadu Client Build', ['Gadu-Gadu Client']),
  row('libgxps', 'Invalid XPS File: cannot open fixedrepresentation', ['Invalid XPS File']),
  row('libidn', '^(?:Punycode failed|ISCSIprep$)', ['Punycode failed', 'ISCSIprep']),
  row('libidn2-0', 'punycode conversion resulted in overflow', ['punycode conversion resulted']),
  row('libjpeg', '^Caution: quantization tables are too coarse for baseline JPEG', ['Caution: quantization tables']),
  row('libjsoncpp', 'A valid JSON document must be either an array or an object value\\.', ['A valid JSON document']),
  row('liblivemedia', '(?:Received incoming RTSP request:|LIVE555 Streaming Media v)', ['Received incoming RTSP', 'LIVE555 Streaming']),
  row('libm', 'neg\\*\\*non-integral: DOMAIN error', ['neg**non-integral']),
  row('libmms', 'failed to read new ASF header', ['read new ASF header']),
  row('libmng', 'TERM misplaced during creation of MNG stream', ['TERM misplaced']),
  row('libmsn', 'The MSN server has terminated the connection with an unknown reason code\\.', ['The MSN server']),
  row('libminiupnpc', 'Miniupnpc Invalid Arguments', ['Miniupnpc Invalid']),
  row('libmikmod', 'APUN \\(APlayer\\) and UNI \\(MikMod\\)', ['APUN (APlayer)']),
  row('libmysqlclient', 'MySQL client ran out of memory', ['MySQL client ran']),
  row('libpcap', '(?:pcap_activate: The "any" device isn\'t supported|corrupted frame on kernel ring mac offset)', ['pcap_activate: The', 'kernel ring mac offset']),
  row('libpng', '^(?:Potential overflow in png_zalloc|gamma value does not match libpng estimate)', ['overflow in png_zalloc', 'match libpng estimate']),
  row('libquicktime', 'quicktime_make_streamable: out of memory', ['quicktime_make_streamable']),
  row('libraw', 'Unsupported file format or not RAW file', ['or not RAW file']),
  row('libpostproc', 'using npp filters 0x%X/0x%X\\n', ['npp filters 0x%X']),
  row('libsass', 'unknown internal error; please contact the LibSass maintainers', ['the LibSass maintainers']),
  row('libssh2', 'Invalid descriptor passed to libssh2_poll', ['to libssh2_poll']),
  row('libssh', 'Error allocating memory for ssh_scp', ['memory for ssh_scp']),
  row('libswscale', 'Exactly one scaler algorithm must be chosen[,\\n]', ['one scaler algorithm']),
  // lintian's pattern keeps the trailing whitespace its table had when it was written.
  row('libtheora', 'Xiph.Org libtheora\\s', ['Org libtheora']),
  row('libupnp', '(?:SSDP_LIB: New Request Handler:Error|^mserv start: Error in IPv4 listen)', ['SSDP_LIB: New', 'mserv start: Error']),
  row('libxml2', 'root and DTD name do not match', ['root and DTD name']),
  row('libyaml', '^did not find expected <stream-start>', ['expected <stream-start>']),
  row('libytnef', 'Signature does not match\\. Not TNEF\\.', ['Not TNEF.']),
  row('ltdl', '^library already shutdown', ['library already shutdown']),
  row('mbedtls', '^(?:ASN1 - Actual length differs from expected length|SSL - The connection indicated an EOF)', ['ASN1 - Actual', 'SSL - The connection']),
  row('mpfr', "MPFR: Can't allocate memory", ["MPFR: Can't"]),
  row('mpg123', 'Warning: Encountered more data after announced end of track', ['after announced end of track']),
  row('ncurses', 'Not enough memory to create terminal structure', ['create terminal structure']),
  row('nspr', '^Unable to create nspr log file', ['create nspr log']),
  row('nss', '^My Encrytion Test Data', ['My Encrytion Test']),
  row('openjpeg', '(?:tcd_decode: incomplete bit?stream|Cannot handle box of less than 8 bytes)', ['tcd_decode: incomplete', 'handle box of less than 8']),
  row('openssl', 'You need to read the OpenSSL FAQ', ['the OpenSSL FAQ']),
  row('pcre3', 'this version of PCRE is not compiled with PCRE_UTF8 support', ['with PCRE_UTF8 support']),
  row('poppler', '(?:May not be a PDF file \\(continuing anyway\\)|PDF file is damaged - attempting to reconstruct xref table\\.\\.\\.)', ['PDF file (continuing', 'reconstruct xref table']),
  row('srtp', 'srtp: in stream 0x%x:', ['srtp: in stream']),
  row('sqlite', 'CREATE TABLE sqlite_master\\(', ['TABLE sqlite_master(']),
  row('taglib', 'One of the size bytes in the id3v2 header was greater than the allowed 128', ['in the id3v2 header']),
  row('t1lib', 't1lib is copyright \\(c\\) Rainer Menzner', ['Rainer Menzner']),
  row('tiff', 'No space for PixarLog state block', ['PixarLog state block']),
  row('tinyxml', '^(?:Error when TiXmlDocument added to document|Error null \\(0\\) or unexpected EOF found in input stream\\.)', ['TiXmlDocument added', 'Error null (0) or']),
  // "4 " before the version marks the Pascal implementation, which lintian leaves alone.
  row('zlib', '(?<!4 )(?:in|de)flate (?:\\d[ \\w.\\-]{1,20}[\\w.\\-])', ['inflate ', 'deflate ']),
];

/** An OCaml bytecode executable carries its magic number as a string of its own (lintian's DebugSymbols). */
export const OCAML_BYTECODE_SIGNATURE: Signature = row('ocaml-bytecode', '^Caml1999X0[0-9][0-9]$', ['Caml1999X0']);
