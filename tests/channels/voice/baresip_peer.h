// baresip as an agent's softphone on loopback (free port), headless: it
// answers automatically (or only rings), sends a WAV file as its voice and
// records what it hears (the sndfile module), so a test can check that the
// agent heard the caller.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>

namespace tamas::voice::testing {

class BaresipAgent {
 public:
  // `answer`: "auto" (answers at once) or "manual" (rings forever).
  // `voice_wav`: 8 kHz mono WAV the agent "speaks". `codecs` e.g. "PCMU/8000/1".
  // `registrar` ("127.0.0.1:5070", optional): the phone REGISTERs there as
  // <name> with `password` (digest authentication), every 60 s.
  BaresipAgent(const std::string& name, const std::string& answer, const std::string& voice_wav,
               const std::string& codecs = "PCMU/8000/1", const std::string& registrar = "",
               const std::string& password = "");
  ~BaresipAgent();  // SIGTERM, wait up to 2 s, then SIGKILL
  BaresipAgent(const BaresipAgent&) = delete;
  BaresipAgent& operator=(const BaresipAgent&) = delete;

  // True once the phone answers SIP on its port (it is then safe to call).
  bool running() const { return pid_ > 0; }
  std::string uri() const;  // sip:<name>@127.0.0.1:<port>
  // RMS of everything the agent heard (decoded audio it recorded); 0 if none.
  double heard_rms() const;
  std::string log() const;
  // Hangs up the current call (ctrl_tcp "hangup"). False when not reachable.
  bool hang_up() const;

 private:
  bool spawn(const std::string& answer, const std::string& voice_wav, const std::string& codecs,
             const std::string& registrar, const std::string& password);
  bool answers_sip() const;
  void stop();

  std::string name_;
  std::string dir_;
  uint16_t port_ = 0;
  uint16_t ctrl_port_ = 0;  // ctrl_tcp
  pid_t pid_ = -1;
};

// RMS of one channel of a WAV file (0 = left); -1 when it cannot be read.
double wav_rms(const std::string& path, int channel);
// Writes an 8 kHz mono 16-bit WAV with a sine tone.
void write_tone_wav(const std::string& path, double hz, int ms);

}  // namespace tamas::voice::testing
