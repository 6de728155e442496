import { nameRows, names } from "./name-table.ts";

/**
 * Products the AI industry's news names: models, chips, systems and services. Rows are a canonical name and its
 * aliases. Model and chip names with digits (H100, Trainium3, GPT-5.1, Qwen3-235B-A22B) need no row: this table's
 * rows are for names without digits and for short forms that need a canonical name.
 */
export const products: readonly (readonly string[])[] = nameRows(`
# OpenAI
ChatGPT; Sora; Codex; DALL-E; Whisper; GPT; o1; o3; o3-mini; o4-mini; o3-pro; gpt-oss; Stargate UAE
# Anthropic
Claude; Claude Code; Opus; Sonnet; Haiku
# Google
Gemini; Gemma; Nano Banana; Veo; Imagen; Bard; NotebookLM; AlphaFold; AlphaGo; AlphaEvolve; Genie
Project Astra; Antigravity; TPU|TPUs; Ironwood; Trillium; Axion; Android; Chrome; Pixel; YouTube; Gmail
Vertex AI; Google Search; AI Overviews; AI Mode
# Meta
Llama; Meta AI; Ray-Ban Display; Ray-Ban Meta; Quest; Hyperion; Prometheus; MTIA; Instagram; WhatsApp; Threads
Vibes
# Microsoft
Azure; Copilot; Microsoft 365 Copilot; GitHub Copilot; Bing; Windows; Maia; Cobalt; Fairwater; Xbox; Phi
# Amazon
Trainium; Inferentia; Graviton; Bedrock|Amazon Bedrock; SageMaker|Amazon SageMaker; Nova|Amazon Nova; Kiro
Project Rainier; Alexa; Alexa+; EC2|Amazon EC2; AWS Lambda; Q Developer|Amazon Q; AgentCore
# Nvidia
Blackwell; Blackwell Ultra; Rubin; Rubin CPX; Rubin Ultra; Vera Rubin; Grace Blackwell; Grace Hopper; Hopper
DGX; DGX Spark; DGX Station; HGX; NVLink; NVLink Fusion; CUDA; Omniverse; NIM; Dynamo; Cosmos; Isaac GR00T
Jetson; Jetson Thor; Spectrum-X; Quantum-X; BlueField; ConnectX; Nemotron; GeForce
# AMD, Intel, Qualcomm, Arm, Apple and other chips
Instinct; EPYC; Ryzen; Helios; ROCm; Gaudi; Xeon; Core Ultra; Panther Lake; Jaguar Shores; Crescent Island
Snapdragon; Neoverse; iPhone; iPhone Air; iPad; Mac; MacBook; Vision Pro; Apple Intelligence; Siri
Private Cloud Compute; M4; M5; Dojo; Optimus; Cybercab; Full Self-Driving|FSD; Ascend; CoWoS; HBM
# xAI, Chinese labs and others
Grok; SuperGrok; SuperGrok Heavy; Colossus; Grokipedia; DeepSeek-R1; DeepSeek-V3; Qwen; Doubao; Seedance; Kimi
Ernie; Hunyuan; GLM; MiniMax-M2; Kling; MiMo; Le Chat; Magistral; Codestral; Devstral; Mixtral; Pixtral
Mistral Large; Mistral Medium; Mistral Small; Ministral; Command A; Agentforce; Slack
Cortex AI|Snowflake Cortex; Watsonx|watsonx; Granite; Cursor; Comet; Stable Diffusion; Olmo; TikTok
`);

/**
 * Families whose name is followed by a version or an edition that belongs to the product's name: "Claude Opus 4.5",
 * "Gemini 3 Pro", "Kimi K2 Thinking", "Gaudi 3", "Agentforce 360".
 */
export const versionedFamilies: readonly string[] = names(`
ChatGPT; GPT; Claude; Opus; Sonnet; Haiku; Gemini; Gemma; Nano Banana; Veo; Imagen; Genie; Llama; Grok
SuperGrok; Qwen; Kimi; Doubao; Seedance; Ernie; Hunyuan; Kling; Nova; Amazon Nova; Gaudi; Agentforce; Olmo
Phi; Mistral Large; Mistral Medium; Mistral Small; Magistral; Devstral; Codestral; Sora; Copilot; Windows
iPhone; iPad; Pixel; Quest; Xeon; EPYC; Instinct; Ryzen; Snapdragon; Core Ultra; Blackwell; Rubin; Vera Rubin
Hopper; DGX; HGX; Jetson; Nemotron; Cosmos; Trainium; Inferentia; Graviton; Maia; Cobalt; Ironwood; TPU
Granite; Ascend; Stable Diffusion; Alexa; Siri; Grace Blackwell; Cortex AI; Ray-Ban Meta; Ray-Ban Display
Dojo; Optimus; MiMo; GLM; Mixtral; Pixtral; Le Chat; Whisper; Codex; Cursor; Comet
`);

/** Words that continue a versioned family's name ("Pro" in "Gemini 3 Pro", "Thinking" in "Kimi K2 Thinking"). */
export const editionWords: ReadonlySet<string> = new Set(
  names(`
Pro; Flash; Flash-Lite; Lite; Ultra; Mini; mini; Nano; Max; Plus; Opus; Sonnet; Haiku; Thinking; Deep Think
Heavy; Fast; Air; Instruct; Turbo; Preview; Scout; Maverick; Behemoth; Omni; Sonic; Spark; Station; Large
Medium; Small; Coder; Vision; Image; Voice; Exp; Speciale; Reasoning; Code; Display; Enterprise; Team; Go
Atlas; CLI; Studio; Edge; Embed; Base; Next; Chat; Live; Search; Deep; Think; Research; Agent; Codex; Realtime
`),
);
